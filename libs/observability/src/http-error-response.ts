/**
 * What a failed request answers (status, JSON body, extra headers), for the mappings every
 * HTTP app shares: Nest's HTTP exceptions, Fastify's own 4xx errors, a 503 with Retry-After,
 * and a bare 500 for anything else. Each app maps its typed errors first, then falls back to
 * `toHttpErrorResponse`. Pure, so every mapping has a unit test.
 */
import { HttpException } from '@nestjs/common';

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** `errors` is the app's list of detailed problems (validation errors, say). */
export interface ErrorBody<E = unknown> {
  error: string;
  message?: string;
  errors?: readonly E[];
  [detail: string]: unknown;
}

export interface ErrorResponse<E = unknown> {
  status: number;
  body: ErrorBody<E>;
  headers: Record<string, string>;
  /** True for a bug or an unknown failure: log it with its stack, answer without details. */
  unexpected: boolean;
}

/** The `error` text of a status; an app may add its own (the xAPI gateway's 409). */
export const HTTP_REASONS: Readonly<Record<number, string>> = {
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

export function reasonOf(
  status: number,
  reasons: Readonly<Record<number, string>> = HTTP_REASONS,
): string {
  return reasons[status] ?? (status >= 500 ? 'server error' : 'request refused');
}

/** An expected failure: logged as a request, not as an error. */
export function errorAnswer<E>(
  status: number,
  body: ErrorBody<E>,
  headers: Record<string, string> = {},
): ErrorResponse<E> {
  return { status, body, headers, unexpected: false };
}

/** 503 with Retry-After: the app could not hand the request on (the broker is down, say). */
export function unavailableAnswer(message: string): ErrorResponse<never> {
  return errorAnswer(
    503,
    { error: 'service unavailable', message },
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

/** Fastify's own errors (body too large, no parser for the media type) reach the filter as is. */
export function fastifyClientErrorStatus(exception: Error): number | undefined {
  const status = (exception as Error & { statusCode?: unknown }).statusCode;
  return exception.name === 'FastifyError' &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
    ? status
    : undefined;
}

/** Nest's HTTP exceptions, Fastify's 4xx errors, else an unexpected 500 without details. */
export function toHttpErrorResponse(
  exception: unknown,
  reasons: Readonly<Record<number, string>> = HTTP_REASONS,
): ErrorResponse<never> {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    // Structured bodies (health reports) keep their shape; plain messages get ours.
    if (typeof response === 'object' && !('message' in response)) {
      return errorAnswer(status, { error: reasonOf(status, reasons), ...response });
    }
    const message =
      typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return errorAnswer(status, {
      error: reasonOf(status, reasons),
      message: Array.isArray(message) ? message.join('; ') : String(message),
    });
  }
  if (exception instanceof Error) {
    const status = fastifyClientErrorStatus(exception);
    if (status !== undefined) {
      return errorAnswer(status, { error: reasonOf(status, reasons), message: exception.message });
    }
  }
  return { status: 500, body: { error: 'internal error' }, headers: {}, unexpected: true };
}
