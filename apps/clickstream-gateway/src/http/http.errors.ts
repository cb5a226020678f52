/** The expected ways a clickstream request fails; the exception filter maps each to a status. */
import { type CaliperValidationError } from '@learnpulse/mappers';
import { type EdxLineError } from '../edx/edx-request-body';

/** Some line of an edX request is not JSON or not an edX event: nothing is written (400). */
export class InvalidEdxEventsError extends Error {
  constructor(
    readonly errors: readonly EdxLineError[],
    readonly total: number,
  ) {
    super(`${total} problem(s) in the edX events`);
    this.name = 'InvalidEdxEventsError';
  }
}

/** The Caliper envelope does not parse or breaks the Caliper rules: nothing is written (400). */
export class InvalidCaliperEnvelopeError extends Error {
  constructor(readonly errors: readonly CaliperValidationError[]) {
    super(`${errors.length} problem(s) in the Caliper envelope`);
    this.name = 'InvalidCaliperEnvelopeError';
  }
}

/** A body type the route does not take (415). */
export class UnsupportedMediaTypeError extends Error {
  constructor(
    readonly contentType: string | undefined,
    readonly accepted: readonly string[],
  ) {
    super(
      `send ${accepted.join(' or ')}, got ${contentType === undefined ? 'no Content-Type' : JSON.stringify(contentType)}`,
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** Kafka did not acknowledge the records: nothing is promised, the client retries (503). */
export class EventsNotStoredError extends Error {
  constructor(cause: unknown) {
    super('the events could not be stored, retry later', { cause });
    this.name = 'EventsNotStoredError';
  }
}
