/**
 * The GDPR use cases over one warehouse and Kafka: resolve who `--learner` names, then erase
 * (rollups recomputed, statement store, learner tables, Kafka tombstones) or export, and
 * record an audit entry either way, failed requests included.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import { storedCredentialSchema } from '@learnpulse/config';
import { learnerPseudonym } from '@learnpulse/mappers';
import { type Kafka } from 'kafkajs';
import { type Logger } from 'pino';
import { planErasure, STATEMENT_STORE } from './erasure-plan';
import { type GdprAction, type GdprRequester, newAuditId, recordAudit } from './gdpr-audit';
import { type ErasureCounts, eraseLearnerRows } from './learner-erasure';
import { exportLearnerRows, type LearnerExport } from './learner-export';
import {
  GdprRequestError,
  type LearnerSubject,
  parseLearnerReference,
  subjectOfIdentities,
} from './learner-subject';
import { eraseLearnerOnKafka } from './learner-tombstones';
import { readCatalogue } from './warehouse-catalogue';
import { selectRows } from './warehouse-queries';

export interface LearnerPrivacyDeps {
  readonly clickhouse: ClickHouseClient;
  readonly kafka: Kafka;
  /** LEARNER_PSEUDONYM_KEY; without it only pseudonyms can be named. */
  readonly pseudonymKey: string | undefined;
  readonly logger: Logger;
}

export interface ErasureReport extends ErasureCounts {
  readonly auditId: string;
  readonly tenant: string;
  readonly pseudonyms: readonly string[];
  /** Tombstones written on the compacted topics that held the learner's state. */
  readonly tombstones: { readonly topics: readonly string[]; readonly keys: number };
  /** Notices on learnpulse.erasures.v1, for running services to drop the learner. */
  readonly notices: number;
}

export interface ExportReport {
  readonly auditId: string;
  readonly document: LearnerExport;
}

/** Statement actors of the events a pseudonym has (xAPI event id = statement id). */
const ACTORS_OF_PSEUDONYM = `SELECT DISTINCT actor FROM ${STATEMENT_STORE}
  WHERE tenant = {tenant:String} AND statement_id IN (
    SELECT event_id FROM learning_events
    WHERE tenant = {tenant:String} AND learner_id = {pseudonym:String} AND source IN ('xapi', 'moodle'))`;

function sumCounts(counts: ErasureCounts): Record<string, number> {
  return {
    ...counts.deleted,
    ...Object.fromEntries(
      Object.entries(counts.recomputed).map(([table, recount]) => [table, recount.removed]),
    ),
  };
}

export class LearnerPrivacy {
  constructor(private readonly deps: LearnerPrivacyDeps) {}

  async resolve(tenant: string, learner: string): Promise<LearnerSubject> {
    if (!storedCredentialSchema.shape.tenant.safeParse(tenant).success) {
      throw new GdprRequestError('tenant', 'must be a tenant slug ([a-z0-9][a-z0-9_-]{0,62})');
    }
    const reference = parseLearnerReference(learner);
    if (reference.kind === 'identities') {
      return subjectOfIdentities(tenant, reference.identities, this.deps.pseudonymKey);
    }
    const { pseudonym } = reference;
    const catalogue = await readCatalogue(this.deps.clickhouse);
    const names = new Set(catalogue.tables.map((table) => table.name));
    let identities: string[] = [];
    if (names.has(STATEMENT_STORE) && names.has('learning_events')) {
      const actors = await selectRows<{ actor: string }>(
        this.deps.clickhouse,
        ACTORS_OF_PSEUDONYM,
        {
          tenant,
          pseudonym,
        },
      );
      const key = this.deps.pseudonymKey;
      identities = actors
        .map((row) => row.actor)
        .filter((actor) => key === undefined || learnerPseudonym(key, tenant, actor) === pseudonym);
    }
    return { tenant, identities, pseudonyms: [pseudonym] };
  }

  async erase(tenant: string, learner: string, requester: GdprRequester): Promise<ErasureReport> {
    const subject = await this.resolve(tenant, learner);
    return this.audited('erase', subject, requester, async (auditId) => {
      const plan = planErasure(await readCatalogue(this.deps.clickhouse));
      const counts = await eraseLearnerRows(this.deps.clickhouse, plan, subject);
      const kafka = await eraseLearnerOnKafka(this.deps.kafka, subject, auditId, this.deps.logger);
      const report: ErasureReport = {
        auditId,
        tenant,
        pseudonyms: subject.pseudonyms,
        ...counts,
        tombstones: { topics: kafka.topics, keys: kafka.tombstones },
        notices: kafka.notices,
      };
      return {
        result: report,
        rowCounts: sumCounts(counts),
        tombstones: kafka.tombstones,
      };
    });
  }

  async export(tenant: string, learner: string, requester: GdprRequester): Promise<ExportReport> {
    const subject = await this.resolve(tenant, learner);
    return this.audited('export', subject, requester, async (auditId) => {
      const catalogue = await readCatalogue(this.deps.clickhouse);
      const document = await exportLearnerRows(
        this.deps.clickhouse,
        catalogue,
        planErasure(catalogue),
        subject,
      );
      const rowCounts: Record<string, number> = Object.fromEntries(
        Object.entries(document.tables).map(([table, rows]) => [table, rows.length]),
      );
      rowCounts[STATEMENT_STORE] = document.statements.length;
      rowCounts.xapi_attachments = document.attachments.length;
      return { result: { auditId, document }, rowCounts, tombstones: 0 };
    });
  }

  private async audited<T>(
    action: GdprAction,
    subject: LearnerSubject,
    requester: GdprRequester,
    work: (
      auditId: string,
    ) => Promise<{ result: T; rowCounts: Record<string, number>; tombstones: number }>,
  ): Promise<T> {
    const auditId = newAuditId();
    const requestedAt = Date.now();
    const entry = {
      auditId,
      tenant: subject.tenant,
      action,
      subject: subject.pseudonyms,
      requester,
      requestedAt,
    };
    try {
      const { result, rowCounts, tombstones } = await work(auditId);
      await recordAudit(this.deps.clickhouse, {
        ...entry,
        finishedAt: Date.now(),
        outcome: 'done',
        error: '',
        rowCounts,
        tombstones,
      });
      return result;
    } catch (error) {
      await recordAudit(this.deps.clickhouse, {
        ...entry,
        finishedAt: Date.now(),
        outcome: 'failed',
        error: error instanceof Error ? error.message : String(error),
        rowCounts: {},
        tombstones: 0,
      }).catch(() => undefined);
      throw error;
    }
  }
}
