/**
 * The one exception filter of the gateway: every failure is answered through `toErrorResponse`
 * (the shared ErrorResponseFilter logs only unexpected ones as errors).
 */
import { ErrorResponseFilter } from '@learnpulse/observability';
import { Catch } from '@nestjs/common';
import { type ErrorResponse, toErrorResponse } from './error-response';

@Catch()
export class GatewayExceptionFilter extends ErrorResponseFilter {
  protected override toErrorResponse(exception: unknown): ErrorResponse {
    return toErrorResponse(exception);
  }
}
