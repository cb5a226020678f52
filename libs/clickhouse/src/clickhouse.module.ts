/**
 * Gives every provider of the app the ClickHouse client (`@Inject(CLICKHOUSE)`), and closes
 * it when the app shuts down, after the providers that use it have stopped.
 */
import { type ClickHouseClient } from '@clickhouse/client';
import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type ClickHouseEnvironment, createClickHouseClient } from './create-clickhouse-client';
import { CLICKHOUSE } from './clickhouse.tokens';

@Global()
@Module({})
export class ClickHouseModule implements OnApplicationShutdown {
  constructor(@Inject(CLICKHOUSE) private readonly client: ClickHouseClient) {}

  static forRoot(env: ClickHouseEnvironment): DynamicModule {
    return {
      module: ClickHouseModule,
      providers: [{ provide: CLICKHOUSE, useFactory: () => createClickHouseClient(env) }],
      exports: [CLICKHOUSE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
