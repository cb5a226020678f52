/**
 * Applies the ClickHouse migrations before the API serves, so analytics-api also works
 * alone (migrations are idempotent; warehouse-writer runs the same ones).
 */
import type { Environment } from '@learnpulse/config';
import { CLICKHOUSE, runMigrations, type ClickHouseClient } from '@learnpulse/clickhouse';
import { LOGGER, type Logger } from '@learnpulse/observability';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ANALYTICS_ENV } from './warehouse.tokens';

@Injectable()
export class WarehouseSchemaService implements OnModuleInit {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    @Inject(ANALYTICS_ENV) private readonly env: Environment,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const result = await runMigrations(this.clickhouse, this.env, { logger: this.logger });
    this.logger.info(
      { applied: result.applied.length, alreadyApplied: result.alreadyApplied.length },
      'ClickHouse schema is up to date',
    );
  }
}
