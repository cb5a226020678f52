/** Creates the xAPI gateway and starts listening on XAPI_GATEWAY_PORT. */
import { type Environment } from '@learnpulse/config';
import { createNestApp } from '@learnpulse/observability';
import { type INestApplication } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_NAME, XapiGatewayModule } from './app.module';
import { registerMultipartParser } from './attachments/multipart-parser';
import { configureHttp } from './http/configure-http';

export async function bootstrapXapiGateway(
  env: Environment,
): Promise<NestFastifyApplication & INestApplication> {
  return createNestApp(XapiGatewayModule.forRoot(env), {
    env,
    app: APP_NAME,
    port: env.XAPI_GATEWAY_PORT,
    configure: (app) => {
      configureHttp(app, env);
      registerMultipartParser(app.getHttpAdapter().getInstance(), env.HTTP_BODY_LIMIT_BYTES);
    },
  });
}
