/**
 * What a failed request answers: the status, the JSON body and any extra headers, from the
 * typed error that ended it; what is not the gateway's own goes to the shared mapping of
 * @learnpulse/observability. A pure function so every mapping has a unit test.
 */
import {
  errorAnswer,
  fastifyClientErrorStatus,
  HTTP_REASONS,
  type ErrorResponse as HttpErrorResponse,
  toHttpErrorResponse,
  unavailableAnswer,
} from '@learnpulse/observability';
import { type XapiValidationError } from '@learnpulse/xapi';
import { HttpException } from '@nestjs/common';
import {
  InvalidStatementsError,
  StatementsNotStoredError,
  TooManyStatementsError,
} from '../statements/statements.errors';
import {
  AlternateRequestSyntaxError,
  InvalidJsonBodyError,
  MissingXapiVersionError,
  UnsupportedMediaTypeError,
  UnsupportedXapiVersionError,
} from './http.errors';

export type ErrorResponse = HttpErrorResponse<XapiValidationError>;

// The LRS answers 409 to a statement id already stored with other content (StatementConflictError).
const REASONS: Readonly<Record<number, string>> = { ...HTTP_REASONS, 409: 'conflict' };

export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof InvalidStatementsError) {
    return errorAnswer(400, { error: 'invalid statement', errors: exception.errors });
  }
  if (exception instanceof InvalidJsonBodyError) {
    return errorAnswer(400, { error: 'invalid JSON', message: exception.message });
  }
  if (exception instanceof UnsupportedXapiVersionError) {
    return errorAnswer(400, { error: 'unsupported xAPI version', message: exception.message });
  }
  if (exception instanceof MissingXapiVersionError) {
    return errorAnswer(400, { error: 'missing xAPI version', message: exception.message });
  }
  if (exception instanceof AlternateRequestSyntaxError) {
    return errorAnswer(400, { error: 'invalid alternate request', message: exception.message });
  }
  if (exception instanceof TooManyStatementsError) {
    return errorAnswer(413, { error: 'too many statements', message: exception.message });
  }
  // xAPI refuses a body of the wrong type with 400 (conformance XAPI-00127), not 415, and so
  // a body type no parser takes (Fastify's 415, as itself or as Nest's HttpException).
  if (exception instanceof UnsupportedMediaTypeError || isUnsupportedMediaType(exception)) {
    return errorAnswer(400, { error: 'unsupported media type', message: exception.message });
  }
  if (exception instanceof StatementsNotStoredError) {
    return unavailableAnswer(exception.message);
  }
  return toHttpErrorResponse(exception, REASONS);
}

function isUnsupportedMediaType(exception: unknown): exception is Error {
  return exception instanceof HttpException
    ? exception.getStatus() === 415
    : exception instanceof Error && fastifyClientErrorStatus(exception) === 415;
}
