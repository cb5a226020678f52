/** Starts risk-engine (HTTP only for /health and /metrics); the caller owns `app.close()`. */
import { type Environment } from '@learnpulse/config';
import { createNestApp } from '@learnpulse/observability';
import { type INestApplication } from '@nestjs/common';
import { APP_NAME, AppModule } from './app.module';
import { ENGINE_TOPICS, type EngineTopics } from './kafka/engine-topics';

export interface RiskEngineOptions {
  /** Topic names; the declared ones unless a test isolates its own copies. */
  topics?: Partial<EngineTopics>;
}

export async function bootstrapRiskEngine(
  env: Environment,
  options: RiskEngineOptions = {},
): Promise<INestApplication> {
  return createNestApp(AppModule.forRoot(env, { ...ENGINE_TOPICS, ...options.topics }), {
    env,
    app: APP_NAME,
    port: env.RISK_ENGINE_PORT,
  });
}
