/** How a statements read fails; the gateway's exception filter answers Nest HTTP exceptions. */
import { BadRequestException, NotFoundException } from '@nestjs/common';
import { type QueryParamError } from './statement-query-params';

/** 400 `{ error: 'invalid query', errors: [{ param, rule }] }`. */
export class InvalidStatementQueryError extends BadRequestException {
  constructor(readonly errors: readonly QueryParamError[]) {
    super({ error: 'invalid query', errors });
  }
}

/** 404: no such statement, or it is voided (statementId) or not voided (voidedStatementId). */
export class StatementNotFoundError extends NotFoundException {
  constructor(statementId: string, voided: boolean) {
    super(`no ${voided ? 'voided ' : ''}statement ${statementId}`);
  }
}
