/**
 * The GDPR use cases for the running system: the process that owns the embedded ClickHouse
 * engine runs them (a second process cannot open its folder), with the app's client, Kafka for
 * the tombstones, and the pseudonym key to resolve raw identifiers.
 */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import type { Environment } from '@learnpulse/config';
import {
  type ErasureReport,
  type ExportReport,
  type GdprRequester,
  LearnerPrivacy,
} from '@learnpulse/gdpr';
import { createKafka } from '@learnpulse/kafka';
import { LOGGER, type Logger } from '@learnpulse/observability';
import { Inject, Injectable } from '@nestjs/common';
import { ADMIN_ENV } from './learner-admin.tokens';

@Injectable()
export class LearnerAdminService {
  private readonly privacy: LearnerPrivacy;

  constructor(
    @Inject(CLICKHOUSE) clickhouse: ClickHouseClient,
    @Inject(ADMIN_ENV) env: Environment,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.privacy = new LearnerPrivacy({
      clickhouse,
      kafka: createKafka(env, 'analytics-admin', logger),
      pseudonymKey: env.LEARNER_PSEUDONYM_KEY,
      logger,
    });
  }

  async erase(tenant: string, learner: string, requester: GdprRequester): Promise<ErasureReport> {
    const report = await this.privacy.erase(tenant, learner, requester);
    this.logger.info(
      { tenant, auditId: report.auditId, by: requester.by, deleted: report.deleted },
      'learner erased',
    );
    return report;
  }

  async export(tenant: string, learner: string, requester: GdprRequester): Promise<ExportReport> {
    const report = await this.privacy.export(tenant, learner, requester);
    this.logger.info({ tenant, auditId: report.auditId, by: requester.by }, 'learner exported');
    return report;
  }
}
