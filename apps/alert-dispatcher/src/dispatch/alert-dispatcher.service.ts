/**
 * Runs the dispatcher inside the Nest app: the topics, the subscriptions and the alert memory
 * read to their end first, then a kafkajs batch consumer over learner.risk.v1 that commits a
 * record's offset only after its alerts were delivered or dead-lettered and remembered.
 * Erasure notices (learnpulse.erasures.v1) stop alerts about an erased learner and tombstone
 * the alert memory held for them.
 */
import { type Environment } from '@learnpulse/config';
import { decodeErasureNotice } from '@learnpulse/events';
import {
  CompactedTopicReader,
  ensureTopics,
  ReliableProducer,
  TombstoneWriter,
  TopicTail,
} from '@learnpulse/kafka';
import { LOGGER, type Logger } from '@learnpulse/observability';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { AlertMemoryState } from '../alerts/alert-memory';
import { ErasedLearners } from '../alerts/erased-learners';
import { DeliveryStoppedError } from '../delivery/webhook-delivery';
import { MissingSigningKeyError } from '../subscriptions/webhook-secret';
import { WebhookSubscriptionsState } from '../subscriptions/webhook-subscriptions.state';
import { AlertProcessor } from './alert-processor';
import { alertTopicSpecs, type AlertTopics } from './alert-topics';
import { DispatcherMetrics } from './dispatcher-metrics';
import { DISPATCHER_ENV, DISPATCHER_TOPICS, KAFKA } from './dispatcher.tokens';

/** Partitions handled in parallel; each partition's assessments stay in order. */
const PARTITIONS_CONSUMED_CONCURRENTLY = 3;

@Injectable()
export class AlertDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: Consumer | undefined;
  private producer: ReliableProducer | undefined;
  private readers: CompactedTopicReader[] = [];
  private memoryReader: CompactedTopicReader | undefined;
  private erasures: TopicTail | undefined;
  private tombstones: TombstoneWriter | undefined;
  /** Set on each group join: another member may have written memory for our new partitions. */
  private memoryStale = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(DISPATCHER_ENV) private readonly env: Environment,
    @Inject(DISPATCHER_TOPICS) private readonly topics: AlertTopics,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: DispatcherMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { env, topics, kafka, logger } = this;
    const signingKey = env.WEBHOOK_SIGNING_KEY;
    if (signingKey === undefined) throw new MissingSigningKeyError();
    await ensureTopics(kafka, {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: alertTopicSpecs(topics),
    });
    const subscriptions = new WebhookSubscriptionsState();
    const memory = new AlertMemoryState();
    const erased = new ErasedLearners();
    const tombstones = new TombstoneWriter(kafka);
    this.tombstones = tombstones;
    const forget = (keys: string[]): Promise<void> =>
      tombstones.write([{ topic: topics.memory, keys }]);
    const groupPrefix = `${env.KAFKA_CLIENT_ID}-alert-dispatcher`;
    this.readers.push(
      await CompactedTopicReader.start(kafka, {
        topic: topics.subscriptions,
        groupPrefix: `${groupPrefix}-webhooks`,
        logger,
        apply: ({ key, value }) => {
          subscriptions.apply(key, value);
        },
      }),
    );
    this.memoryReader = await CompactedTopicReader.start(kafka, {
      topic: topics.memory,
      groupPrefix: `${groupPrefix}-memory`,
      logger,
      apply: ({ key, value }) => {
        memory.apply(key, value);
      },
    });
    this.readers.push(this.memoryReader);
    await Promise.all(this.readers.map((reader) => reader.caughtUp));
    // An erasure from here on arrives as a notice; one before it left tombstones that the
    // memory reader has applied already.
    this.erasures = await TopicTail.start(kafka, {
      topic: topics.erasures,
      groupPrefix: `${groupPrefix}-erasures`,
      logger,
      apply: async ({ value }) => {
        if (value === null) return;
        const notice = decodeErasureNotice(value);
        erased.add(notice.tenant, notice.learnerId);
        const keys = memory.keysOf(notice.tenant, notice.learnerId);
        if (keys.length > 0) await forget(keys);
        logger.info(
          { auditId: notice.auditId, forgotten: keys.length },
          'alert dispatcher forgot an erased learner',
        );
      },
    });
    logger.info(
      { subscriptions: subscriptions.all().length, remembered: memory.size },
      'webhook subscriptions and alert memory restored',
    );
    this.producer = await ReliableProducer.connect(kafka, logger);
    const producer = this.producer;
    const processor = new AlertProcessor({
      subscriptions,
      memory,
      erased,
      forget,
      send: (records) => producer.send(records),
      topics,
      rules: {
        cooldownMs: env.ALERT_COOLDOWN_MS,
        minEvidenceReasons: env.ALERT_MIN_EVIDENCE_REASONS,
        maxAgeMs: env.ALERT_MAX_AGE_MS,
      },
      policy: {
        maxAttempts: env.ALERT_MAX_ATTEMPTS,
        retryBaseMs: env.ALERT_RETRY_BASE_MS,
        retryMaxMs: env.ALERT_RETRY_MAX_MS,
        timeoutMs: env.ALERT_WEBHOOK_TIMEOUT_MS,
      },
      signingKey,
      metrics: this.metrics,
      logger,
      now: () => Date.now(),
    });
    const consumer = kafka.consumer({
      groupId: env.ALERT_CONSUMER_GROUP,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.memoryStale = true;
      logger.info(
        { group: env.ALERT_CONSUMER_GROUP, assignment: event.payload.memberAssignment },
        'alert dispatcher joined its consumer group',
      );
    });
    await consumer.connect();
    await consumer.subscribe({ topic: topics.risk, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
      eachBatch: (payload) => this.handleBatch(payload, processor),
    });
    logger.info(
      { group: env.ALERT_CONSUMER_GROUP, topic: topics.risk },
      'alert dispatcher consuming',
    );
  }

  private async handleBatch(payload: EachBatchPayload, processor: AlertProcessor): Promise<void> {
    const { batch } = payload;
    const consumer = this.consumer;
    if (consumer === undefined) return;
    if (this.memoryStale) {
      this.memoryStale = false;
      await this.memoryReader?.catchUp();
    }
    const hooks = {
      shouldContinue: () => payload.isRunning() && !payload.isStale(),
      heartbeat: () => payload.heartbeat(),
      onAttempt: () => undefined,
    };
    const commit = (offset: string): Promise<void> =>
      consumer.commitOffsets([
        {
          topic: batch.topic,
          partition: batch.partition,
          offset: (BigInt(offset) + 1n).toString(),
        },
      ]);
    let uncommitted: string | undefined;
    for (const message of batch.messages) {
      if (!hooks.shouldContinue()) break;
      try {
        const result = await processor.process(
          {
            partition: batch.partition,
            offset: message.offset,
            key: message.key,
            value: message.value,
            headers: message.headers,
          },
          hooks,
        );
        payload.resolveOffset(message.offset);
        if (result.wrote) {
          await commit(message.offset);
          uncommitted = undefined;
        } else {
          uncommitted = message.offset;
        }
      } catch (error) {
        if (error instanceof DeliveryStoppedError) break;
        throw error;
      }
      await payload.heartbeat();
    }
    if (uncommitted !== undefined) await commit(uncommitted);
  }

  /** Lets the batch in flight finish (or stop between retries), then leaves the group. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.erasures?.stop();
    await this.consumer?.disconnect();
    await this.producer?.close();
    await this.tombstones?.close();
    await Promise.all(this.readers.map((reader) => reader.stop()));
    this.logger.info('alert dispatcher stopped');
  }
}
