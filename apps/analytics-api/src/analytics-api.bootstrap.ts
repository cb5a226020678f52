/** Starts analytics-api on ANALYTICS_API_PORT; the caller owns shutdown (`app.close()`). */
import type { Environment } from '@learnpulse/config';
import { createNestApp } from '@learnpulse/observability';
import type { INestApplication } from '@nestjs/common';
import { APP_NAME, AppModule } from './app.module';
import { registerRequestTiming } from './http-metrics/request-timing.hook';
import { registerOpenApi } from './openapi/openapi.setup';

export async function bootstrapAnalyticsApi(env: Environment): Promise<INestApplication> {
  return createNestApp(AppModule.forRoot(env), {
    env,
    app: APP_NAME,
    port: env.ANALYTICS_API_PORT,
    configure: (app) => {
      registerRequestTiming(app);
      registerOpenApi(app);
    },
  });
}
