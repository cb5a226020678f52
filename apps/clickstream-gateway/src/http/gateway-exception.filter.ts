/**
 * The one exception filter of the gateway: every failure, from a route, a guard or Fastify's
 * body parsing, is answered through `toErrorResponse`; only unexpected ones are logged as errors.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { LOGGER, type Logger } from '@learnpulse/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';

@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { tenant?: string }>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, headers, unexpected } = toErrorResponse(exception);
    if (unexpected) {
      this.logger.error(
        { err: exception, requestId: request.id, tenant: request.tenant, url: request.url },
        'unexpected error',
      );
    }
    void reply.status(status).headers(headers).send(body);
  }
}
