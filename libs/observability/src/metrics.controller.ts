/** GET /metrics in Prometheus text format, for scrapers holding METRICS_TOKEN. */
import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import { METRICS, OBSERVABILITY_OPTIONS } from './tokens';
import type { ObservabilityOptions } from './observability.options';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly registry: Registry,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  @Get()
  async metrics(
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const token = this.options.env.METRICS_TOKEN;
    // Without a configured token the endpoint does not exist: metrics are never public by accident.
    if (token === undefined) throw new NotFoundException();
    const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (!sameToken(given, token)) {
      void reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('a valid metrics bearer token is required');
    }
    await reply
      .header('Content-Type', this.registry.contentType)
      .send(await this.registry.metrics());
  }
}
