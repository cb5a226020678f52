/**
 * What a failed request answers: the status, the JSON body and any extra headers, from the
 * typed error that ended it; what is not the gateway's own goes to the shared mapping of
 * @learnpulse/observability. A pure function so every mapping has a unit test.
 */
import { type CaliperValidationError } from '@learnpulse/mappers';
import {
  errorAnswer,
  type ErrorResponse as HttpErrorResponse,
  toHttpErrorResponse,
  unavailableAnswer,
} from '@learnpulse/observability';
import { type EdxLineError } from '../edx/edx-request-body';
import {
  EventsNotStoredError,
  InvalidCaliperEnvelopeError,
  InvalidEdxEventsError,
  UnsupportedMediaTypeError,
} from './http.errors';

export type ErrorResponse = HttpErrorResponse<EdxLineError | CaliperValidationError>;

export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof InvalidEdxEventsError) {
    const more = exception.total - exception.errors.length;
    return errorAnswer(400, {
      error: 'invalid edX events',
      ...(more > 0
        ? { message: `${exception.total} problems, the first ${exception.errors.length} listed` }
        : {}),
      errors: exception.errors,
    });
  }
  if (exception instanceof InvalidCaliperEnvelopeError) {
    return errorAnswer(400, { error: 'invalid Caliper envelope', errors: exception.errors });
  }
  if (exception instanceof UnsupportedMediaTypeError) {
    return errorAnswer(415, { error: 'unsupported media type', message: exception.message });
  }
  if (exception instanceof EventsNotStoredError) {
    return unavailableAnswer(exception.message);
  }
  return toHttpErrorResponse(exception);
}
