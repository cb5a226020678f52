/**
 * The statement store for every module of the gateway: ClickHouse (through ClickHouseModule),
 * the writer's progress on xapi.statements.v1 (through the gateway's Kafka client), the
 * tenants holding StatementRef statements, and the ClickHouse readiness check.
 */
import { CLICKHOUSE, type ClickHouseClient, ClickHouseModule } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { TOPICS } from '@learnpulse/kafka';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { KAFKA } from '../kafka/kafka.tokens';
import { readStatementRefTenants, StatementRefTenants } from './statement-ref-tenants';
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
          provide: StatementRefTenants,
          useFactory: (client: ClickHouseClient) =>
            new StatementRefTenants(() => readStatementRefTenants(client)),
          inject: [CLICKHOUSE],
        },
        {
          provide: WRITER_PROGRESS,
          useFactory: (kafka: Kafka, refs: StatementRefTenants) =>
            new WriterProgress({
              kafka,
              topic: TOPICS.xapiStatements,
              group: env.WAREHOUSE_CONSUMER_GROUP,
              // Every published bound is one the StatementRef tenants are exact up to.
              beforePublish: (through, unchanged) => refs.prepare(through, unchanged),
            }),
          inject: [KAFKA, StatementRefTenants],
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
