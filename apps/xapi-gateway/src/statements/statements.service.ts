/**
 * The Statement resource's write use case (POST and PUT): validate the request as a whole,
 * check its attachments and signatures, tell new statements from re-sent ones (same id: same
 * content is a no-op, different content a 409), then write the new statements, their
 * LearningEvents and their attachment data to Kafka in one send, and only then answer.
 */
import { type ReliableProducer } from '@learnpulse/kafka';
import { learningEventOfStatement, pseudonymiseLearningEvent } from '@learnpulse/mappers';
import { LOGGER, type Logger } from '@learnpulse/observability';
import {
  normaliseStatement,
  statementRecords,
  statementsEquivalent,
  type StoredXapiStatement,
  validateStatementBatch,
  type XapiStatement,
} from '@learnpulse/xapi';
import { Inject, Injectable } from '@nestjs/common';
import {
  checkJsonAttachments,
  declaredAttachments,
  matchAttachmentParts,
} from '../attachments/attachment-parts';
import { attachmentRecords } from '../attachments/attachment-records';
import { type EncodedAttachment, type MultipartPart } from '../attachments/multipart';
import { verifySignedStatements } from '../attachments/signed-statement';
import { KnownStatementIds } from '../known-ids/known-statement-ids';
import {
  LEARNER_PSEUDONYMS,
  type LearnerPseudonymsFor,
} from '../learners/learner-pseudonyms.module';
import { PRODUCER } from '../kafka/kafka.tokens';
import { StatementStore, type StoredStatementView } from '../store/statement-store.service';
import { type RecentStatement, RecentStatements, type Reservation } from './recent-statements';
import { credentialAuthority } from './statement-authority';
import { StatementMetrics } from './statement-metrics';
import {
  BadStatementRequestError,
  InvalidStatementsError,
  StatementConflictError,
  StatementsNotStoredError,
  TooManyStatementsError,
} from './statements.errors';
import { voidedTargetId } from './voiding';

/** Statements per POST; bigger batches go in several requests. */
export const MAX_STATEMENTS_PER_REQUEST = 1000;

/** At most this many problems are listed in a 400, enough to fix a batch without a huge answer. */
const MAX_REPORTED_ERRORS = 100;

/** Store look-ups of one request run at most this many at a time. */
const LOOKUP_CONCURRENCY = 16;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type XapiRequestVersion = '1.0.3' | '2.0.0';

export interface RequestContext {
  credential: { tenant: string; key: string };
  requestId: string;
  /** The xAPI version of the request (X-Experience-API-Version), which the rules follow. */
  version: XapiRequestVersion;
}

/** What the LRS already holds under an id: its content, to compare a re-sent statement with. */
type Existing = Pick<StoredStatementView, 'isVoiding' | 'statement'>;

/** One statement of a request after the checks. */
interface Candidate {
  id: string;
  stored: StoredXapiStatement;
  /**
   * JSON.stringify(stored): the one serialisation of the statement, for its Kafka records and
   * for RecentStatements to compare a quick re-send with.
   */
  json: string;
  /** The client sent a timestamp (else the LRS filled it in, and a re-send may omit it). */
  timestamped: boolean;
  voids: string | null;
  /** The client chose the id, so the LRS may have it already. */
  givenId: boolean;
  isNew: boolean;
}

/** This request's hold on an id: its own reservation, or the request that holds it. */
interface Claim {
  readonly prior: RecentStatement | undefined;
  readonly reservation: Reservation | undefined;
}

/** A statement accepted here lately, as the store would hold it. */
function fromRecent(recent: RecentStatement): Existing {
  return {
    isVoiding: recent.isVoiding,
    statement: JSON.parse(recent.json) as Record<string, unknown>,
  };
}

/** The statement as the store would compare it: without the timestamp the LRS filled in. */
function comparableOf(candidate: Candidate): Record<string, unknown> {
  if (candidate.timestamped) return candidate.stored;
  const comparable: Record<string, unknown> = { ...candidate.stored };
  delete comparable.timestamp;
  return comparable;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}

@Injectable()
export class StatementsService {
  private readonly recent = new RecentStatements();

  constructor(
    @Inject(PRODUCER) private readonly producer: ReliableProducer,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: StatementMetrics,
    private readonly store: StatementStore,
    private readonly known: KnownStatementIds,
    @Inject(LEARNER_PSEUDONYMS) private readonly pseudonyms: LearnerPseudonymsFor,
  ) {}

  /** POST: one statement or an array; resolves to the ids once Kafka has every new one. */
  async storeStatements(
    body: unknown,
    parts: MultipartPart[] | null,
    context: RequestContext,
  ): Promise<string[]> {
    return this.write(body, parts, context);
  }

  /** PUT ?statementId=: one statement under the given id; resolves once Kafka has it. */
  async putStatement(
    statementId: unknown,
    body: unknown,
    parts: MultipartPart[] | null,
    context: RequestContext,
  ): Promise<void> {
    if (typeof statementId !== 'string' || !UUID_PATTERN.test(statementId)) {
      throw new BadStatementRequestError(
        statementId === undefined
          ? 'PUT /statements needs the statementId parameter'
          : 'the statementId parameter must be a UUID',
      );
    }
    if (!isObject(body)) {
      throw new BadStatementRequestError('PUT /statements takes exactly one statement object');
    }
    if (
      body.id !== undefined &&
      (typeof body.id !== 'string' || body.id.toLowerCase() !== statementId.toLowerCase())
    ) {
      throw new BadStatementRequestError('the statement id differs from the statementId parameter');
    }
    await this.write({ ...body, id: body.id ?? statementId }, parts, context);
  }

  private async write(
    body: unknown,
    parts: MultipartPart[] | null,
    context: RequestContext,
  ): Promise<string[]> {
    const tenant = context.credential.tenant;
    const receivedAt = Date.now();
    const statements: unknown[] = Array.isArray(body) ? body : [body];
    const count = statements.length;
    if (count > MAX_STATEMENTS_PER_REQUEST) {
      this.metrics.count(tenant, 'rejected', count);
      throw new TooManyStatementsError(count, MAX_STATEMENTS_PER_REQUEST);
    }
    const errors = validateStatementBatch(body, { version: context.version });
    if (errors.length > 0) {
      this.metrics.count(tenant, 'rejected', count);
      this.logger.info(
        { requestId: context.requestId, tenant, statements: count, first: errors[0] },
        'statements rejected',
      );
      throw new InvalidStatementsError(errors.slice(0, MAX_REPORTED_ERRORS));
    }

    let attachments: EncodedAttachment[];
    let candidates: Candidate[];
    try {
      attachments = this.checkAttachments(statements, parts);
      candidates = this.candidates(statements as XapiStatement[], context, new Date(receivedAt));
    } catch (error) {
      this.metrics.count(tenant, 'rejected', count);
      throw error;
    }
    // Claimed before the first await, so a concurrent request with the same id waits for us.
    const claims = candidates.map((candidate) => this.claim(tenant, candidate));
    const release = (): void => {
      for (const claim of claims) claim.reservation?.release();
    };
    try {
      // Only ids the store may hold are looked up; the rest are certainly new.
      const stored = await this.lookUp(
        tenant,
        candidates.filter(
          (candidate, index) =>
            candidate.givenId &&
            !claims[index]?.prior &&
            this.known.mightBeStored(tenant, candidate.id),
        ),
      );
      await mapLimited(candidates, LOOKUP_CONCURRENCY, (candidate, index) =>
        this.classify(tenant, candidate, claims[index] as Claim, stored),
      );
      await this.checkVoiding(tenant, candidates);
    } catch (error) {
      release();
      this.metrics.count(
        tenant,
        error instanceof StatementConflictError ? 'conflict' : 'rejected',
        count,
      );
      throw error;
    }

    const fresh = candidates.filter((candidate) => candidate.isNew);
    // Re-sent statements keep nothing reserved: the LRS has them already.
    candidates.forEach((candidate, index) => {
      if (!candidate.isNew) claims[index]?.reservation?.release();
    });
    const duplicates = count - fresh.length;
    if (duplicates > 0) this.metrics.count(tenant, 'duplicate', duplicates);
    if (fresh.length > 0) {
      const reservations = candidates
        .map((candidate, index) => (candidate.isNew ? claims[index]?.reservation : undefined))
        .filter((reservation): reservation is Reservation => reservation !== undefined);
      await this.send(tenant, fresh, attachments, reservations, context, receivedAt);
    }
    return candidates.map((candidate) => candidate.id);
  }

  /** Reserves the id unless another request holds it; then this one must wait for that one. */
  private claim(tenant: string, candidate: Candidate): Claim {
    const prior = this.recent.get(tenant, candidate.id);
    if (prior !== undefined) return { prior, reservation: undefined };
    return {
      prior: undefined,
      reservation: this.recent.reserve(tenant, candidate.id, {
        json: candidate.json,
        isVoiding: candidate.voids !== null,
      }),
    };
  }

  /** The attachment data to store; throws for any breach of the transmission rules. */
  private checkAttachments(
    statements: readonly unknown[],
    parts: MultipartPart[] | null,
  ): EncodedAttachment[] {
    if (parts === null) {
      checkJsonAttachments(statements);
      verifySignedStatements(statements, new Map());
      return [];
    }
    const attachments = matchAttachmentParts(statements, parts);
    verifySignedStatements(
      statements,
      new Map(attachments.map((attachment) => [attachment.sha2, attachment.content])),
    );
    return attachments;
  }

  private candidates(
    statements: readonly XapiStatement[],
    context: RequestContext,
    stored: Date,
  ): Candidate[] {
    const options = { authority: credentialAuthority(context.credential), stored };
    return statements.map((statement) => {
      const normalised = normaliseStatement(statement, options);
      const id = normalised.id.toLowerCase();
      const stored = id === normalised.id ? normalised : { ...normalised, id };
      return {
        id: normalised.id,
        stored,
        json: JSON.stringify(stored),
        timestamped: statement.timestamp !== undefined,
        voids: voidedTargetId(statement),
        givenId: statement.id !== undefined,
        isNew: true,
      };
    });
  }

  /** Marks a re-sent statement (same id, same content) as not new; throws on a conflict. */
  private async classify(
    tenant: string,
    candidate: Candidate,
    claim: Claim,
    lookedUp: ReadonlyMap<string, Existing>,
  ): Promise<void> {
    // An id the LRS just generated cannot be known yet.
    if (!candidate.givenId) return;
    let existing: Existing | null = null;
    if (claim.prior === undefined) {
      existing = lookedUp.get(candidate.id.toLowerCase()) ?? null;
    } else if (await claim.prior.written) {
      existing = fromRecent(claim.prior);
    } else {
      // The request that held the id failed: then the store decides alone.
      existing = await this.stored(tenant, candidate.id);
    }
    if (existing === null) return;
    // The stored times differ, so the comparison is by content (statement-comparison.ts).
    if (!statementsEquivalent(existing.statement, comparableOf(candidate))) {
      throw new StatementConflictError(candidate.id);
    }
    candidate.isNew = false;
  }

  private async stored(tenant: string, id: string): Promise<Existing | null> {
    return (await this.lookUp(tenant, [{ id }])).get(id.toLowerCase()) ?? null;
  }

  /** What the store holds under these ids, in one query (keys in lower case). */
  private async lookUp(
    tenant: string,
    candidates: readonly Pick<Candidate, 'id'>[],
  ): Promise<ReadonlyMap<string, Existing>> {
    try {
      return await this.store.findByIds(
        tenant,
        candidates.map((candidate) => candidate.id),
      );
    } catch (error) {
      // Without the store the LRS cannot tell a re-send from a conflict: retry later.
      this.logger.error({ err: error, tenant }, 'statement store look-up failed');
      throw new StatementsNotStoredError(error);
    }
  }

  /** Whether the LRS holds `id` (not one of this request's) as a voiding statement: accepted recently, or stored. */
  private async isStoredVoiding(tenant: string, id: string): Promise<boolean> {
    const recent = this.recent.get(tenant, id);
    if (recent !== undefined && (await recent.written)) return recent.isVoiding;
    if (!this.known.mightBeStored(tenant, id)) return false;
    return (await this.stored(tenant, id))?.isVoiding ?? false;
  }

  /**
   * A voiding statement cannot be voided (xAPI Data 2.3.2; the conformance requirement
   * XAPI-00016 lets the LRS reject such a statement): refused with 400 when the target is
   * known to be a voiding statement. A target the LRS does not have yet is accepted (2.3.2
   * s2.b5); the store then never counts a voiding statement as voided.
   */
  private async checkVoiding(tenant: string, candidates: readonly Candidate[]): Promise<void> {
    const inRequest = new Map(candidates.map((candidate) => [candidate.id, candidate]));
    for (const candidate of candidates) {
      if (candidate.voids === null || !candidate.isNew) continue;
      const sibling = inRequest.get(candidate.voids);
      const targetIsVoiding =
        sibling !== undefined
          ? sibling.voids !== null
          : await this.isStoredVoiding(tenant, candidate.voids);
      if (targetIsVoiding) {
        throw new BadStatementRequestError(
          `statement ${candidate.id} voids ${candidate.voids}, which is itself a voiding statement; a voiding statement cannot be voided`,
        );
      }
    }
  }

  private async send(
    tenant: string,
    fresh: readonly Candidate[],
    attachments: readonly EncodedAttachment[],
    reservations: readonly Reservation[],
    context: RequestContext,
    receivedAt: number,
  ): Promise<void> {
    const wanted = new Set(
      fresh.flatMap((candidate) =>
        declaredAttachments(candidate.stored).map((a) =>
          typeof a.sha2 === 'string' ? a.sha2.toLowerCase() : '',
        ),
      ),
    );
    const pseudonymOf = this.pseudonyms(tenant);
    try {
      await this.producer.send([
        ...statementRecords(
          tenant,
          fresh.map((candidate) => candidate.stored),
          receivedAt,
          (owner, statement, at, json) =>
            pseudonymiseLearningEvent(
              learningEventOfStatement(owner, statement, at, json),
              pseudonymOf,
            ),
          fresh.map((candidate) => candidate.json),
        ),
        ...attachmentRecords(
          tenant,
          attachments.filter((attachment) => wanted.has(attachment.sha2)),
        ),
      ]);
    } catch (error) {
      for (const reservation of reservations) reservation.release();
      this.metrics.count(tenant, 'unavailable', fresh.length);
      this.logger.error(
        { err: error, requestId: context.requestId, tenant, statements: fresh.length },
        'statements not stored',
      );
      throw new StatementsNotStoredError(error);
    }
    for (const reservation of reservations) reservation.commit();
    this.metrics.count(tenant, 'accepted', fresh.length);
    this.logger.debug(
      { requestId: context.requestId, tenant, statements: fresh.length, attachments: wanted.size },
      'statements stored',
    );
  }
}
