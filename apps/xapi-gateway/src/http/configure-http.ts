/**
 * Fastify-level setup of the gateway, before routes exist: the JSON body parser (so a parse
 * error reaches the exception filter with its reason), the xAPI protocol hooks (version
 * negotiation and header, alternate request syntax), CORS, and the request-duration histogram.
 */
import type { Environment } from '@learnpulse/config';
import { METRICS } from '@learnpulse/observability';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import { enableXapiCors } from './cors';
import { InvalidJsonBodyError } from './http.errors';
import { registerXapiProtocolHooks } from './xapi-protocol.hooks';

type BodyDone = (error: Error | null, body?: unknown) => void;

/** Parses JSON like Fastify does (prototype-poisoning checks included) but explains failures. */
function jsonBodyParser(app: NestFastifyApplication) {
  const fastifyParser = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: BodyDone): void => {
    const text = body.toString('utf8');
    if (text.trim().length === 0) {
      done(new InvalidJsonBodyError('the body is empty'));
      return;
    }
    void fastifyParser(request, text, (error: Error | null, value?: unknown) => {
      if (error === null) done(null, value);
      else done(new InvalidJsonBodyError(explainJsonError(text)));
    });
  };
}

/** Fastify only says "not valid JSON"; JSON.parse says where and why. */
function explainJsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return error.message;
  }
  // JSON.parse accepted it, so Fastify refused it for prototype poisoning.
  return 'the body uses a forbidden __proto__ or constructor.prototype key';
}

export function configureHttp(
  app: NestFastifyApplication,
  env: Pick<Environment, 'HTTP_BODY_LIMIT_BYTES' | 'XAPI_CORS_ORIGINS'>,
): void {
  const bodyLimit = env.HTTP_BODY_LIMIT_BYTES;
  app.useBodyParser('application/json', { bodyLimit }, jsonBodyParser(app));
  enableXapiCors(app, env.XAPI_CORS_ORIGINS);

  const registry = app.get<Registry>(METRICS);
  const duration = new Histogram({
    name: 'learnpulse_gateway_request_duration_seconds',
    help: 'HTTP request duration of the xAPI gateway, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const fastify = app.getHttpAdapter().getInstance();
  registerXapiProtocolHooks(fastify, bodyLimit);
  fastify.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}
