/** Starts alert-dispatcher (HTTP only for /health and /metrics); the caller owns `app.close()`. */
import { type Environment } from '@learnpulse/config';
import { createNestApp } from '@learnpulse/observability';
import { type INestApplication } from '@nestjs/common';
import { APP_NAME, AppModule } from './app.module';
import { ALERT_TOPICS, type AlertTopics } from './dispatch/alert-topics';

export interface AlertDispatcherOptions {
  /** Topic names; the declared ones unless a test isolates its own copies. */
  topics?: Partial<AlertTopics>;
}

export async function bootstrapAlertDispatcher(
  env: Environment,
  options: AlertDispatcherOptions = {},
): Promise<INestApplication> {
  return createNestApp(AppModule.forRoot(env, { ...ALERT_TOPICS, ...options.topics }), {
    env,
    app: APP_NAME,
    port: env.ALERT_DISPATCHER_PORT,
  });
}
