/**
 * The statement store for every module of the gateway: ClickHouse (through ClickHouseModule),
 * the writer's progress on xapi.statements.v1 (through the gateway's Kafka client) and the
 * ClickHouse readiness check.
 */
import { CLICKHOUSE, type ClickHouseClient, ClickHouseModule } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { TOPICS } from '@learnpulse/kafka';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { KAFKA } from '../kafka/kafka.tokens';
import { StatementStore } from './statement-store.service';
import { CLICKHOUSE_READINESS, checkClickHouse } from './clickhouse-readiness';
import { WRITER_PROGRESS } from './store.tokens';
import { WriterProgress } from './writer-progress';

@Global()
@Module({})
export class StoreModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: StoreModule,
      imports: [ClickHouseModule.forRoot(env)],
      providers: [
        {
          provide: WRITER_PROGRESS,
          useFactory: (kafka: Kafka) =>
            new WriterProgress({
              kafka,
              topic: TOPICS.xapiStatements,
              group: env.WAREHOUSE_CONSUMER_GROUP,
            }),
          inject: [KAFKA],
        },
        {
          provide: CLICKHOUSE_READINESS,
          useFactory: (client: ClickHouseClient) => ({
            name: 'clickhouse',
            check: () => checkClickHouse(client),
          }),
          inject: [CLICKHOUSE],
        },
        StatementStore,
      ],
      exports: [StatementStore, CLICKHOUSE_READINESS],
    };
  }
}
