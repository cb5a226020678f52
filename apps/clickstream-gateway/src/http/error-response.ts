/**
 * What a failed request answers: the status, the JSON body and any extra headers, from the
 * typed error that ended it. A pure function so every mapping has a unit test.
 */
import { HttpException } from '@nestjs/common';
import { type CaliperValidationError } from '@learnpulse/mappers';
import { type EdxLineError } from '../edx/edx-request-body';
import {
  EventsNotStoredError,
  InvalidCaliperEnvelopeError,
  InvalidEdxEventsError,
  UnsupportedMediaTypeError,
} from './http.errors';

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  error: string;
  message?: string;
  errors?: readonly (EdxLineError | CaliperValidationError)[];
  [detail: string]: unknown;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True for a bug or an unknown failure: log it with its stack, answer without details. */
  unexpected: boolean;
}

const REASONS: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  408: 'request timeout',
  411: 'length required',
  413: 'payload too large',
  415: 'unsupported media type',
  429: 'too many requests',
  503: 'service unavailable',
};

function reasonOf(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'server error' : 'request refused');
}

function answer(
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {},
): ErrorResponse {
  return { status, body, headers, unexpected: false };
}

/** Fastify's own errors (body too large, no parser for the media type) reach the filter as is. */
function fastifyStatus(exception: Error): number | undefined {
  const status = (exception as Error & { statusCode?: unknown }).statusCode;
  return exception.name === 'FastifyError' &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
    ? status
    : undefined;
}

export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof InvalidEdxEventsError) {
    const more = exception.total - exception.errors.length;
    return answer(400, {
      error: 'invalid edX events',
      ...(more > 0
        ? { message: `${exception.total} problems, the first ${exception.errors.length} listed` }
        : {}),
      errors: exception.errors,
    });
  }
  if (exception instanceof InvalidCaliperEnvelopeError) {
    return answer(400, { error: 'invalid Caliper envelope', errors: exception.errors });
  }
  if (exception instanceof UnsupportedMediaTypeError) {
    return answer(415, { error: 'unsupported media type', message: exception.message });
  }
  if (exception instanceof EventsNotStoredError) {
    return answer(
      503,
      { error: 'service unavailable', message: exception.message },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    // Structured bodies (health reports) keep their shape; plain messages get ours.
    if (typeof response === 'object' && !('message' in response)) {
      return answer(status, { error: reasonOf(status), ...response });
    }
    const message =
      typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return answer(status, {
      error: reasonOf(status),
      message: Array.isArray(message) ? message.join('; ') : String(message),
    });
  }
  if (exception instanceof Error) {
    const status = fastifyStatus(exception);
    if (status !== undefined) {
      return answer(status, { error: reasonOf(status), message: exception.message });
    }
  }
  return { status: 500, body: { error: 'internal error' }, headers: {}, unexpected: true };
}
