/**
 * The base of an app's one exception filter: every failure, from a route, a guard or Fastify's
 * body parsing, is answered through the app's `toErrorResponse`; only unexpected ones are
 * logged as errors. The app subclasses it with `@Catch()` and its own mapping.
 */
import { type ArgumentsHost, type ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorResponse } from './http-error-response';
import { type Logger } from './logger';
import { LOGGER } from './tokens';

@Injectable()
export abstract class ErrorResponseFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  protected abstract toErrorResponse(exception: unknown): ErrorResponse;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { tenant?: string }>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, headers, unexpected } = this.toErrorResponse(exception);
    if (unexpected) {
      this.logger.error(
        { err: exception, requestId: request.id, tenant: request.tenant, url: request.url },
        'unexpected error',
      );
    }
    void reply.status(status).headers(headers).send(body);
  }
}
