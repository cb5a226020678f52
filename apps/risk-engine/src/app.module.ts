/** Wires risk-engine: observability (logs, /metrics, /health) and the engine. */
import { type Environment } from '@learnpulse/config';
import { ObservabilityModule } from '@learnpulse/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { ENGINE_TOPICS, type EngineTopics } from './kafka/engine-topics';
import { RiskEngineModule } from './kafka/risk-engine.module';

export const APP_NAME = 'risk-engine';

@Module({})
export class AppModule {
  static forRoot(env: Environment, topics: EngineTopics = ENGINE_TOPICS): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ app: APP_NAME, env }),
        RiskEngineModule.forRoot(env, topics),
      ],
    };
  }
}
