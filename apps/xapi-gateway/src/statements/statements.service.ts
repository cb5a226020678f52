/**
 * The Statement resource's use case: validate a POSTed batch as a whole, normalise it, write it
 * to Kafka in one send, and only then report the ids. A batch is never half-accepted.
 */
import { type ReliableProducer } from '@learnpulse/kafka';
import { LOGGER, type Logger } from '@learnpulse/observability';
import {
  lrsAuthority,
  normaliseStatement,
  validateStatementBatch,
  type XapiStatement,
} from '@learnpulse/xapi';
import { Inject, Injectable } from '@nestjs/common';
import { PRODUCER } from '../kafka/kafka.tokens';
import { StatementMetrics } from './statement-metrics';
import { statementRecords } from './statement-records';
import {
  InvalidStatementsError,
  StatementsNotStoredError,
  TooManyStatementsError,
} from './statements.errors';

/** Statements per POST; bigger batches go in several requests. */
export const MAX_STATEMENTS_PER_REQUEST = 1000;

/** At most this many problems are listed in a 400, enough to fix a batch without a huge answer. */
const MAX_REPORTED_ERRORS = 100;

export interface RequestContext {
  tenant: string;
  requestId: string;
}

@Injectable()
export class StatementsService {
  constructor(
    @Inject(PRODUCER) private readonly producer: ReliableProducer,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: StatementMetrics,
  ) {}

  /** Stores one statement or an array of them; resolves to their ids once Kafka has them all. */
  async storeStatements(body: unknown, { tenant, requestId }: RequestContext): Promise<string[]> {
    const receivedAt = Date.now();
    const count = Array.isArray(body) ? body.length : 1;
    if (count > MAX_STATEMENTS_PER_REQUEST) {
      this.metrics.count(tenant, 'rejected', count);
      throw new TooManyStatementsError(count, MAX_STATEMENTS_PER_REQUEST);
    }
    const errors = validateStatementBatch(body);
    if (errors.length > 0) {
      this.metrics.count(tenant, 'rejected', count);
      this.logger.info(
        { requestId, tenant, statements: count, problems: errors.length, first: errors[0] },
        'statements rejected',
      );
      throw new InvalidStatementsError(errors.slice(0, MAX_REPORTED_ERRORS));
    }

    const statements = (Array.isArray(body) ? body : [body]) as XapiStatement[];
    const options = { authority: lrsAuthority(tenant), stored: new Date(receivedAt) };
    const stored = statements.map((statement) => normaliseStatement(statement, options));
    try {
      await this.producer.send(statementRecords(tenant, stored, receivedAt));
    } catch (error) {
      this.metrics.count(tenant, 'unavailable', count);
      this.logger.error(
        { err: error, requestId, tenant, statements: count },
        'statements not stored',
      );
      throw new StatementsNotStoredError(error);
    }
    this.metrics.count(tenant, 'accepted', count);
    this.logger.debug({ requestId, tenant, statements: count }, 'statements stored');
    return stored.map((statement) => statement.id);
  }
}
