/** Times every request, 401s and 404s included, from Fastify's own response timing. */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AnalyticsMetrics } from './analytics-metrics';

export function registerRequestTiming(app: NestFastifyApplication): void {
  const metrics = app.get(AnalyticsMetrics);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      metrics.observeRequest(
        request.method,
        request.routeOptions.url,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
    });
}
