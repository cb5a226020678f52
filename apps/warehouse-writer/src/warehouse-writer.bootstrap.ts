/** Starts warehouse-writer (HTTP only for /health and /metrics); the caller owns `app.close()`. */
import { type Environment } from '@learnpulse/config';
import { createNestApp } from '@learnpulse/observability';
import { type INestApplication } from '@nestjs/common';
import { APP_NAME, AppModule } from './app.module';

export async function bootstrapWarehouseWriter(env: Environment): Promise<INestApplication> {
  return createNestApp(AppModule.forRoot(env), {
    env,
    app: APP_NAME,
    port: env.WAREHOUSE_WRITER_PORT,
  });
}
