/** The expected ways a statements request fails; the exception filter maps each to a status. */
import { BadRequestException, ConflictException } from '@nestjs/common';
import { type XapiValidationError } from '@learnpulse/xapi';

/** One or more statements break the xAPI rules: the whole request is refused (400). */
export class InvalidStatementsError extends Error {
  constructor(readonly errors: readonly XapiValidationError[]) {
    super(`${errors.length} problem(s) in the statements`);
    this.name = 'InvalidStatementsError';
  }
}

/** More statements in one request than the gateway takes (413). */
export class TooManyStatementsError extends Error {
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(`a request may carry at most ${limit} statements, got ${count}`);
    this.name = 'TooManyStatementsError';
  }
}

/** Kafka did not acknowledge the records: nothing is promised, the client retries (503). */
export class StatementsNotStoredError extends Error {
  constructor(cause: unknown) {
    super('the statements could not be stored, retry later', { cause });
    this.name = 'StatementsNotStoredError';
  }
}

/**
 * A statement id the LRS already has, with different content (409). xAPI lets the LRS
 * answer 204/200 for the same content and asks for 409 otherwise.
 */
export class StatementConflictError extends ConflictException {
  constructor(readonly statementId: string) {
    super(`a different statement with id ${statementId} is already stored`);
    this.name = 'StatementConflictError';
  }
}

/** The request is malformed beyond the statements' own shape (400): parameters, voiding. */
export class BadStatementRequestError extends BadRequestException {
  constructor(message: string) {
    super(message);
    this.name = 'BadStatementRequestError';
  }
}
