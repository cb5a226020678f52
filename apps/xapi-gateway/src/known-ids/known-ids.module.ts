/** The filter of stored statement ids and the feed that keeps it current (known-statement-ids.ts). */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { LOGGER, type Logger } from '@learnpulse/observability';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { KAFKA } from '../kafka/kafka.tokens';
import { KnownIdsFeed } from './known-ids-feed.service';
import { KnownStatementIds } from './known-statement-ids';

// Global: the statements module's write path reads it.
@Global()
@Module({})
export class KnownIdsModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: KnownIdsModule,
      providers: [
        { provide: KnownStatementIds, useValue: new KnownStatementIds() },
        {
          provide: KnownIdsFeed,
          useFactory: (
            kafka: Kafka,
            clickhouse: ClickHouseClient,
            logger: Logger,
            known: KnownStatementIds,
          ) =>
            new KnownIdsFeed({
              env,
              kafka,
              clickhouse,
              logger: logger.child({ component: 'known-ids' }),
              known,
            }),
          inject: [KAFKA, CLICKHOUSE, LOGGER, KnownStatementIds],
        },
      ],
      exports: [KnownStatementIds],
    };
  }
}
