/** Wires warehouse-writer: observability (logs, /metrics, /health), ClickHouse, the sink. */
import { ClickHouseModule } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { ObservabilityModule } from '@learnpulse/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { SinkModule } from './sink/sink.module';

export const APP_NAME = 'warehouse-writer';

@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ app: APP_NAME, env }),
        ClickHouseModule.forRoot(env),
        SinkModule.forRoot(env),
      ],
    };
  }
}
