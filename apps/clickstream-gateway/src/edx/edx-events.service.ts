/**
 * The edX events use case: read the whole body (all or nothing), map every event to its
 * LearningEvent and, where Open edX has a transformer, to the xAPI statements the LRS stores,
 * write them all to Kafka in one send, and answer the counts only once Kafka acknowledged.
 */
import { type ReliableProducer } from '@learnpulse/kafka';
import { type CourseMetadataLookup, edxEventRecords } from '@learnpulse/mappers';
import { LOGGER, type Logger } from '@learnpulse/observability';
import { Inject, Injectable } from '@nestjs/common';
import { EventsNotStoredError, InvalidEdxEventsError } from '../http/http.errors';
import { PRODUCER } from '../kafka/kafka.tokens';
import {
  COURSE_METADATA,
  type CourseMetadataFor,
  LEARNER_IDENTIFIERS,
  type LearnerIdentifiersFor,
  LMS_ROOT_URL,
  type LmsRootUrlFor,
} from '../learners/learner-identity.tokens';
import { ClickstreamMetrics } from '../metrics/clickstream-metrics';
import { type EdxBodyFormat, readEdxRequestBody } from './edx-request-body';

export interface EdxRequestContext {
  credential: { tenant: string; key: string };
  requestId: string;
}

/** The 200 answer. */
export interface EdxIngestResult {
  accepted: number;
  statements: number;
  unknown: number;
  anonymous: number;
}

@Injectable()
export class EdxEventsService {
  constructor(
    @Inject(PRODUCER) private readonly producer: ReliableProducer,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(LEARNER_IDENTIFIERS) private readonly learnerIds: LearnerIdentifiersFor,
    @Inject(COURSE_METADATA) private readonly courses: CourseMetadataFor,
    @Inject(LMS_ROOT_URL) private readonly lmsRootUrl: LmsRootUrlFor,
    private readonly metrics: ClickstreamMetrics,
  ) {}

  async ingest(
    format: EdxBodyFormat,
    text: string,
    context: EdxRequestContext,
  ): Promise<EdxIngestResult> {
    const receivedAt = Date.now();
    const tenant = context.credential.tenant;
    const body = readEdxRequestBody(format, text);
    if (!body.ok) {
      this.metrics.countEvents(tenant, 'edx', 'rejected', body.items);
      this.logger.info(
        { requestId: context.requestId, tenant, problems: body.total, first: body.errors[0] },
        'edX events rejected',
      );
      throw new InvalidEdxEventsError(body.errors, body.total);
    }
    const courses: CourseMetadataLookup = this.courses(tenant);
    const { records, counts } = edxEventRecords(body.events, {
      credential: context.credential,
      receivedAt,
      learnerIds: this.learnerIds(tenant),
      courses,
      lmsRootUrl: this.lmsRootUrl(tenant),
    });
    try {
      await this.producer.send(records);
    } catch (error) {
      this.metrics.countEvents(tenant, 'edx', 'unavailable', counts.accepted);
      this.logger.error(
        { err: error, requestId: context.requestId, tenant, events: counts.accepted },
        'edX events not stored',
      );
      throw new EventsNotStoredError(error);
    }
    this.metrics.countEvents(tenant, 'edx', 'accepted', counts.accepted);
    this.metrics.countUnknown(tenant, counts.unknown);
    this.metrics.countStatements(tenant, 'accepted', counts.statements);
    this.metrics.countStatements(tenant, 'invalid', counts.invalidStatements);
    if (counts.invalidStatements > 0) {
      this.logger.warn(
        { requestId: context.requestId, tenant, statements: counts.invalidStatements },
        'derived xAPI statements left out: not valid xAPI',
      );
    }
    this.logger.debug({ requestId: context.requestId, tenant, ...counts }, 'edX events stored');
    return {
      accepted: counts.accepted,
      statements: counts.statements,
      unknown: counts.unknown,
      anonymous: counts.anonymous,
    };
  }
}
