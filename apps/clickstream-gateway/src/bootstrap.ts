/** Creates the clickstream gateway and starts listening on CLICKSTREAM_GATEWAY_PORT. */
import { ConfigError, type Environment } from '@learnpulse/config';
import { createNestApp } from '@learnpulse/observability';
import { type INestApplication } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_NAME, ClickstreamGatewayModule } from './app.module';
import { configureHttp } from './http/configure-http';

/**
 * The pseudonym key is required here rather than in the shared schema: only this app writes
 * pseudonyms, and a default key would make every install's pseudonyms reversible by anyone
 * who reads this code.
 */
function pseudonymKeyOf(env: Environment): string {
  if (env.LEARNER_PSEUDONYM_KEY === undefined) {
    throw new ConfigError([
      'LEARNER_PSEUDONYM_KEY: required by clickstream-gateway (the secret of the learner pseudonyms, at least 32 characters; e.g. `openssl rand -base64 32`)',
    ]);
  }
  return env.LEARNER_PSEUDONYM_KEY;
}

export async function bootstrapClickstreamGateway(
  env: Environment,
): Promise<NestFastifyApplication & INestApplication> {
  const pseudonymKey = pseudonymKeyOf(env);
  return createNestApp(ClickstreamGatewayModule.forRoot(env, pseudonymKey), {
    env,
    app: APP_NAME,
    port: env.CLICKSTREAM_GATEWAY_PORT,
    configure: (app) => {
      configureHttp(app, env);
    },
  });
}
