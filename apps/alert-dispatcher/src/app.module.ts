/** Wires alert-dispatcher: observability (logs, /metrics, /health) and the dispatcher. */
import { type Environment } from '@learnpulse/config';
import { ObservabilityModule } from '@learnpulse/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { ALERT_TOPICS, type AlertTopics } from './dispatch/alert-topics';
import { DispatchModule } from './dispatch/dispatch.module';

export const APP_NAME = 'alert-dispatcher';

@Module({})
export class AppModule {
  static forRoot(env: Environment, topics: AlertTopics = ALERT_TOPICS): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ app: APP_NAME, env }),
        DispatchModule.forRoot(env, topics),
      ],
    };
  }
}
