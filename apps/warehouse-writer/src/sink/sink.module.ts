/**
 * The Kafka → ClickHouse sink and what it needs: the Kafka client, its metrics, the purge of
 * expired key-value rows, and the readiness checks (global, so the observability module's health controller sees them).
 */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { checkKafka, createKafka } from '@learnpulse/kafka';
import {
  LOGGER,
  type Logger,
  METRICS,
  READINESS_CHECKS,
  type ReadinessCheck,
} from '@learnpulse/observability';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { type Registry } from 'prom-client';
import { KeyValuePurgeService } from './key-value-purge.service';
import { SinkMetrics } from './sink-metrics';
import { KAFKA, SINK_ENV } from './sink.tokens';
import { WarehouseSinkService } from './warehouse-sink.service';

async function checkClickHouse(client: ClickHouseClient): Promise<void> {
  const result = await client.ping();
  if (!result.success) throw result.error;
}

@Global()
@Module({})
export class SinkModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: SinkModule,
      providers: [
        { provide: SINK_ENV, useValue: env },
        {
          provide: KAFKA,
          useFactory: (logger: Logger) => createKafka(env, 'warehouse-writer', logger),
          inject: [LOGGER],
        },
        {
          provide: SinkMetrics,
          useFactory: (registry: Registry) => new SinkMetrics(registry),
          inject: [METRICS],
        },
        {
          provide: READINESS_CHECKS,
          useFactory: (kafka: Kafka, client: ClickHouseClient): ReadinessCheck[] => [
            { name: 'kafka', check: () => checkKafka(kafka) },
            { name: 'clickhouse', check: () => checkClickHouse(client) },
          ],
          inject: [KAFKA, CLICKHOUSE],
        },
        WarehouseSinkService,
        KeyValuePurgeService,
      ],
      exports: [READINESS_CHECKS],
    };
  }
}
