/**
 * Handles one record of learner.risk.v1: decode it (an undecodable record goes to the
 * dead-letter topic with its error), then for each active subscription of the assessment's
 * tenant decide, deliver with retries, and write the outcome durably (alert memory, and the
 * alert itself to the dead-letter topic after the last try) before the caller commits.
 */
import { type RiskAssessment, riskAssessmentCodec } from '@learnpulse/events';
import {
  errorHeaderText,
  failedRecordMessage,
  type ProducerMessage,
  type ProducerRecord,
} from '@learnpulse/kafka';
import { type Logger } from 'pino';
import { alertMemoryKey, type AlertMemoryState, encodeAlertMemory } from '../alerts/alert-memory';
import { alertPayload, idempotencyKeyOf } from '../alerts/alert-payload';
import { type ErasedLearners } from '../alerts/erased-learners';
import { type AlertRules, decideAlert } from '../alerts/alert-rules';
import {
  deliverWithRetries,
  type DeliveryHooks,
  type DeliveryOutcome,
  type DeliveryPolicy,
  DeliveryStoppedError,
} from '../delivery/webhook-delivery';
import { retryDelayMs } from '../delivery/backoff';
import { deriveWebhookSecret } from '../subscriptions/webhook-secret';
import { type WebhookSubscription } from '../subscriptions/webhook-subscription.records';
import { type WebhookSubscriptionsState } from '../subscriptions/webhook-subscriptions.state';
import { type AlertTopics } from './alert-topics';
import { type DispatcherMetrics } from './dispatcher-metrics';

export interface RiskRecord {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, unknown> | undefined;
}

export interface AlertProcessorDeps {
  subscriptions: WebhookSubscriptionsState;
  memory: AlertMemoryState;
  erased: ErasedLearners;
  /** Tombstones alert-memory keys (of a learner erased while their alert was under way). */
  forget: (keys: string[]) => Promise<void>;
  send: (records: ProducerRecord[]) => Promise<void>;
  topics: AlertTopics;
  rules: AlertRules;
  policy: DeliveryPolicy;
  signingKey: string;
  metrics: DispatcherMetrics;
  logger: Logger;
  now: () => number;
}

/** What processing one record wrote: the caller commits at once when it wrote anything. */
export interface ProcessResult {
  wrote: boolean;
}

export class AlertProcessor {
  constructor(private readonly deps: AlertProcessorDeps) {}

  async process(record: RiskRecord, hooks: DeliveryHooks): Promise<ProcessResult> {
    let assessment: RiskAssessment;
    try {
      if (record.value === null) throw new Error('record has no value');
      assessment = riskAssessmentCodec.decode(record.value);
    } catch (error) {
      this.deps.metrics.assessments.inc({ result: 'undecodable' });
      this.deps.logger.warn(
        {
          err: error,
          topic: this.deps.topics.risk,
          partition: record.partition,
          offset: record.offset,
        },
        'undecodable risk assessment sent to the dead-letter topic',
      );
      const message = failedRecordMessage({ ...record, topic: this.deps.topics.risk, error });
      await this.durably([{ topic: this.deps.topics.deadLetters, messages: [message] }], hooks);
      return { wrote: true };
    }
    this.deps.metrics.assessments.inc({ result: 'decoded' });
    const subscriptions = this.deps.subscriptions.activeFor(assessment.tenant);
    const wrote = await Promise.all(
      subscriptions.map((subscription) =>
        this.forSubscription(subscription, assessment, record, hooks),
      ),
    );
    return { wrote: wrote.some(Boolean) };
  }

  private async forSubscription(
    subscription: WebhookSubscription,
    assessment: RiskAssessment,
    record: RiskRecord,
    hooks: DeliveryHooks,
  ): Promise<boolean> {
    const subject = {
      subscriptionId: subscription.id,
      tenant: assessment.tenant,
      learnerId: assessment.learnerId,
      courseId: assessment.courseId,
    };
    if (this.deps.erased.has(subject.tenant, subject.learnerId)) {
      this.deps.metrics.suppressed.inc({ reason: 'erased' });
      return false;
    }
    const memory = this.deps.memory.get(subject);
    const decision = decideAlert(
      assessment,
      subscription.minLevel,
      memory,
      this.deps.rules,
      this.deps.now(),
    );
    if (!decision.send) {
      this.deps.metrics.suppressed.inc({ reason: decision.because });
      return false;
    }
    const idempotencyKey = idempotencyKeyOf(subscription.id, assessment.assessmentId);
    const body = JSON.stringify(alertPayload(subscription.id, assessment));
    const started = performance.now();
    const outcome = await deliverWithRetries(
      {
        url: subscription.url,
        body,
        secret: deriveWebhookSecret(this.deps.signingKey, subscription.id),
        idempotencyKey,
        subscriptionId: subscription.id,
      },
      this.deps.policy,
      {
        ...hooks,
        onAttempt: (response) => {
          this.deps.metrics.attempts.inc({
            result: response.ok ? 'ok' : response.retryable ? 'retryable' : 'refused',
          });
        },
      },
    );
    this.deps.metrics.deliverySeconds.observe((performance.now() - started) / 1000);
    const log = {
      tenant: assessment.tenant,
      subscriptionId: subscription.id,
      assessmentId: assessment.assessmentId,
      idempotencyKey,
      attempts: outcome.attempts,
      partition: record.partition,
      offset: record.offset,
    };
    const memoryValue = encodeAlertMemory({
      ...subject,
      lastHandledAssessmentId: assessment.assessmentId,
      lastHandledAsOf: assessment.asOf,
      lastDelivered: outcome.delivered
        ? { assessmentId: assessment.assessmentId, level: assessment.level, asOf: assessment.asOf }
        : (memory?.lastDelivered ?? null),
    });
    const records: ProducerRecord[] = [
      {
        topic: this.deps.topics.memory,
        messages: [{ key: alertMemoryKey(subject), value: memoryValue }],
      },
    ];
    if (outcome.delivered) {
      this.deps.metrics.alerts.inc({ outcome: 'delivered' });
      this.deps.logger.info(log, 'alert delivered');
    } else {
      this.deps.metrics.alerts.inc({ outcome: 'dead_lettered' });
      this.deps.logger.warn(
        { ...log, error: outcome.error },
        'alert not delivered; sent to the dead-letter topic',
      );
      records.unshift({
        topic: this.deps.topics.deadLetters,
        messages: [
          this.deadLetter(assessment, subscription, body, idempotencyKey, outcome, record),
        ],
      });
    }
    await this.durably(records, hooks);
    this.deps.memory.apply(alertMemoryKey(subject), memoryValue);
    // Erased while this alert was under way: the notice's scan may have missed this record.
    if (this.deps.erased.has(subject.tenant, subject.learnerId)) {
      await this.deps.forget([alertMemoryKey(subject)]);
    }
    return true;
  }

  private deadLetter(
    assessment: RiskAssessment,
    subscription: WebhookSubscription,
    body: string,
    idempotencyKey: string,
    outcome: Extract<DeliveryOutcome, { delivered: false }>,
    record: RiskRecord,
  ): ProducerMessage {
    return {
      key: `${assessment.tenant}:${assessment.learnerId}`,
      value: body,
      headers: {
        'x-error': errorHeaderText(outcome.error),
        'x-attempts': String(outcome.attempts),
        'x-last-status': outcome.status === null ? 'none' : String(outcome.status),
        'x-subscription-id': subscription.id,
        'x-tenant': assessment.tenant,
        'idempotency-key': idempotencyKey,
        'x-source-topic': this.deps.topics.risk,
        'x-source-partition': String(record.partition),
        'x-source-offset': record.offset,
      },
    };
  }

  /** Writes until Kafka acknowledges (or the consumer stops: nothing is committed then). */
  private async durably(records: ProducerRecord[], hooks: DeliveryHooks): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (!hooks.shouldContinue()) throw new DeliveryStoppedError();
      try {
        await this.deps.send(records);
        return;
      } catch (error) {
        const delay = retryDelayMs(attempt, 200, 10_000);
        this.deps.logger.warn(
          { err: error, attempt, delayMs: delay },
          'writing an alert outcome failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        await hooks.heartbeat().catch(() => undefined);
      }
    }
  }
}
