/**
 * The Caliper use case: parse the envelope keeping its decimal literals, check it against the
 * Caliper 1.1/1.2 rules (all or nothing), map each event to its LearningEvent, write them to
 * Kafka in one send, and answer only once Kafka acknowledged.
 */
import { learningEventRecords, type ReliableProducer } from '@learnpulse/kafka';
import {
  type CaliperEnvelope,
  mapCaliperEnvelope,
  parseCaliperJson,
  pseudonymiseLearningEvent,
  validateCaliperEnvelope,
} from '@learnpulse/mappers';
import { LOGGER, type Logger } from '@learnpulse/observability';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_REPORTED_ERRORS } from '../edx/edx-request-body';
import { EventsNotStoredError, InvalidCaliperEnvelopeError } from '../http/http.errors';
import { LEARNER_PSEUDONYMS, type LearnerPseudonymsFor } from '../learners/learner-identity.tokens';

import { PRODUCER } from '../kafka/kafka.tokens';
import { ClickstreamMetrics } from '../metrics/clickstream-metrics';

/** How many items a refused envelope carried (1 when it has no data array), for the metrics. */
function dataItems(value: unknown): number {
  const data =
    typeof value === 'object' && value !== null ? (value as { data?: unknown }).data : undefined;
  return Array.isArray(data) ? Math.max(data.length, 1) : 1;
}

export interface CaliperRequestContext {
  tenant: string;
  requestId: string;
}

/** The 200 answer: events written, and data items that were entities (described, not acted). */
export interface CaliperIngestResult {
  accepted: number;
  entities: number;
}

@Injectable()
export class CaliperService {
  constructor(
    @Inject(PRODUCER) private readonly producer: ReliableProducer,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: ClickstreamMetrics,
    @Inject(LEARNER_PSEUDONYMS) private readonly pseudonyms: LearnerPseudonymsFor,
  ) {}

  async ingest(text: string, context: CaliperRequestContext): Promise<CaliperIngestResult> {
    const receivedAt = Date.now();
    const { tenant, requestId } = context;
    const parsed = parseCaliperJson(text);
    const errors = parsed.ok ? validateCaliperEnvelope(parsed.value) : parsed.errors;
    if (!parsed.ok || errors.length > 0) {
      this.metrics.countEvents(
        tenant,
        'caliper',
        'rejected',
        dataItems(parsed.ok ? parsed.value : null),
      );
      this.logger.info(
        { requestId, tenant, problems: errors.length, first: errors[0] },
        'Caliper envelope rejected',
      );
      throw new InvalidCaliperEnvelopeError(errors.slice(0, MAX_REPORTED_ERRORS));
    }
    // validateCaliperEnvelope passed: the value has the envelope's shape.
    const mapped = mapCaliperEnvelope(parsed.value as CaliperEnvelope, { tenant, receivedAt });
    // The actor IRI names a person: only its per-tenant pseudonym goes to Kafka.
    const pseudonymOf = this.pseudonyms(tenant);
    const events = mapped.events.map((event) => pseudonymiseLearningEvent(event, pseudonymOf));
    const { entities } = mapped;
    if (events.length > 0) {
      try {
        await this.producer.send([learningEventRecords(events)]);
      } catch (error) {
        this.metrics.countEvents(tenant, 'caliper', 'unavailable', events.length);
        this.logger.error(
          { err: error, requestId, tenant, events: events.length },
          'Caliper events not stored',
        );
        throw new EventsNotStoredError(error);
      }
    }
    this.metrics.countEvents(tenant, 'caliper', 'accepted', events.length);
    this.logger.debug(
      { requestId, tenant, events: events.length, entities },
      'Caliper events stored',
    );
    return { accepted: events.length, entities };
  }
}
