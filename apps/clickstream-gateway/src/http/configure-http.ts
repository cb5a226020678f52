/**
 * Fastify-level setup before routes exist: every body type the gateway takes is read as text
 * (the routes parse it themselves: NDJSON line by line with line numbers, Caliper keeping its
 * decimal literals), bounded by HTTP_BODY_LIMIT_BYTES; and the request-duration histogram.
 */
import type { Environment } from '@learnpulse/config';
import { METRICS } from '@learnpulse/observability';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Histogram, type Registry } from 'prom-client';
import { BODY_MEDIA_TYPES } from './media-type';

export function configureHttp(
  app: NestFastifyApplication,
  env: Pick<Environment, 'HTTP_BODY_LIMIT_BYTES'>,
): void {
  const adapter = app.getHttpAdapter();
  const fastify = adapter.getInstance();
  // Nest adds its JSON and form parsers at init unless they are registered already: register
  // them now, then replace them all. Parsed JSON would lose line numbers and decimal literals.
  adapter.registerParserMiddleware();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    [...BODY_MEDIA_TYPES],
    { parseAs: 'string', bodyLimit: env.HTTP_BODY_LIMIT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  const registry = app.get<Registry>(METRICS);
  const duration = new Histogram({
    name: 'learnpulse_clickstream_request_duration_seconds',
    help: 'HTTP request duration of the clickstream gateway, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
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
