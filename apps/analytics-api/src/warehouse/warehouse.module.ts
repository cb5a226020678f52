/**
 * The app's ClickHouse side: the client (from @learnpulse/clickhouse), the schema applied at
 * start, and the readiness check that the engine answers.
 */
import type { Environment } from '@learnpulse/config';
import { CLICKHOUSE, ClickHouseModule, type ClickHouseClient } from '@learnpulse/clickhouse';
import { READINESS_CHECKS, type ReadinessCheck } from '@learnpulse/observability';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { WarehouseSchemaService } from './warehouse-schema.service';
import { ANALYTICS_ENV } from './warehouse.tokens';

async function checkClickHouse(client: ClickHouseClient): Promise<void> {
  const result = await client.ping();
  if (!result.success) throw result.error;
}

// Global so that the observability module's health controller sees READINESS_CHECKS.
@Global()
@Module({})
export class WarehouseModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: WarehouseModule,
      imports: [ClickHouseModule.forRoot(env)],
      providers: [
        { provide: ANALYTICS_ENV, useValue: env },
        WarehouseSchemaService,
        {
          provide: READINESS_CHECKS,
          useFactory: (client: ClickHouseClient): ReadinessCheck[] => [
            { name: 'clickhouse', check: () => checkClickHouse(client) },
          ],
          inject: [CLICKHOUSE],
        },
      ],
      exports: [READINESS_CHECKS, ANALYTICS_ENV],
    };
  }
}
