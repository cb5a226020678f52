/**
 * Runs the engine inside the Nest app: a kafkajs batch consumer of learning.events.v1 that keeps
 * one PartitionEngine per assigned partition, restored from risk-engine.state.v1 on assignment
 * (no replay of history), and per fetched batch writes the changed learners' snapshots, the
 * assessments (learner.risk.v1) and dead letters, and commits the offset only once Kafka
 * acknowledged all of them. A timer moves every course to the wall clock's day. Erasure notices
 * (learnpulse.erasures.v1) drop a learner from memory and tombstone its snapshot again, after
 * any snapshot of it still being written, so the daily tick cannot bring it back.
 */
import { type Environment } from '@learnpulse/config';
import {
  decodeErasureNotice,
  type LearningEvent,
  learningEventCodec,
  riskAssessmentCodec,
} from '@learnpulse/events';
import {
  CompactedTopicReader,
  ensureTopics,
  failedRecordMessage,
  type ProducerMessage,
  type ProducerRecord,
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
import { type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage } from 'kafkajs';
import { type RiskAssessment } from '@learnpulse/events';
import { decodeSnapshot, encodeSnapshot, snapshotKey } from '../engine/learner-snapshot';
import { PartitionEngine } from '../engine/partition-engine';
import { libsRiskScoring } from '../engine/risk-scoring';
import { EngineMetrics } from './engine-metrics';
import { engineTopicSpecs, type EngineTopics } from './engine-topics';
import { ENGINE_ENV, ENGINE_TOPICS_TOKEN, KAFKA } from './risk-engine.tokens';

const PARTITIONS_CONSUMED_CONCURRENTLY = 3;
const WALL_TICK_CHECK_MS = 60_000;

@Injectable()
export class RiskEngineService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: Consumer | undefined;
  private producer: ReliableProducer | undefined;
  private readonly engines = new Map<number, PartitionEngine>();
  private assigned = new Set<number>();
  private restoring: Promise<void> | undefined;
  private readonly locks = new Map<number, Promise<unknown>>();
  private wallTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private erasures: TopicTail | undefined;
  private tombstones: TombstoneWriter | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ENGINE_ENV) private readonly env: Environment,
    @Inject(ENGINE_TOPICS_TOKEN) private readonly topics: EngineTopics,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: EngineMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { env, topics, kafka, logger } = this;
    await ensureTopics(kafka, {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: engineTopicSpecs(topics),
    });
    this.producer = await ReliableProducer.connect(kafka, logger);
    // Before the first restore: an erasure after this point reaches the engine as a notice,
    // one before it as a tombstone that the restore honours.
    this.erasures = await TopicTail.start(kafka, {
      topic: topics.erasures,
      groupPrefix: `${env.KAFKA_CLIENT_ID}-risk-engine-erasures`,
      logger,
      apply: async ({ value }) => {
        if (value === null) return;
        const notice = decodeErasureNotice(value);
        await this.forget(snapshotKey(notice.tenant, notice.learnerId), notice.auditId);
      },
    });
    const consumer = kafka.consumer({
      groupId: env.RISK_ENGINE_CONSUMER_GROUP,
      allowAutoTopicCreation: false,
      sessionTimeout: env.RISK_ENGINE_SESSION_TIMEOUT_MS,
      maxWaitTimeInMs: 200,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.assigned = new Set(event.payload.memberAssignment[topics.events] ?? []);
      for (const partition of [...this.engines.keys()]) {
        if (!this.assigned.has(partition)) {
          this.engines.delete(partition);
          this.metrics.learners.remove({ partition: String(partition) });
        }
      }
      logger.info(
        { group: env.RISK_ENGINE_CONSUMER_GROUP, partitions: [...this.assigned] },
        'risk engine joined its consumer group',
      );
    });
    await consumer.connect();
    await consumer.subscribe({ topic: topics.events, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
      eachBatch: (payload) =>
        this.withLock(payload.batch.partition, () => this.handleBatch(payload)),
    });
    this.wallTimer = setInterval(() => {
      void this.wallTick();
    }, WALL_TICK_CHECK_MS);
    this.wallTimer.unref();
    logger.info(
      { group: env.RISK_ENGINE_CONSUMER_GROUP, topic: topics.events },
      'risk engine consuming',
    );
  }

  private withLock<T>(partition: number, run: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(partition) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.locks.set(
      partition,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Restores every assigned partition not in memory, from one read of the snapshot topic. */
  private async ensureRestored(partition: number): Promise<PartitionEngine> {
    while (!this.engines.has(partition)) {
      this.restoring ??= this.restoreMissing(partition).finally(() => {
        this.restoring = undefined;
      });
      await this.restoring;
    }
    const engine = this.engines.get(partition);
    if (engine === undefined) throw new Error(`partition ${partition} was not restored`);
    return engine;
  }

  private async restoreMissing(partition: number): Promise<void> {
    const started = performance.now();
    const targets = new Set([...this.assigned, partition].filter((p) => !this.engines.has(p)));
    const fresh = new Map(
      [...targets].map((p) => [
        p,
        new PartitionEngine(libsRiskScoring, {
          partition: p,
          group: this.env.RISK_ENGINE_CONSUMER_GROUP,
          minScoreMove: this.env.RISK_MIN_SCORE_MOVE,
          seenIdsPerLearner: this.env.RISK_DEDUPE_IDS_PER_LEARNER,
          seenIdsWindowMs: this.env.RISK_DEDUPE_WINDOW_MS,
        }),
      ]),
    );
    const latest = new Map<string, Buffer>();
    const reader = await CompactedTopicReader.start(this.kafka, {
      topic: this.topics.state,
      groupPrefix: `${this.env.KAFKA_CLIENT_ID}-risk-engine-restore`,
      logger: this.logger,
      apply: ({ key, value }) => {
        if (value === null) latest.delete(key);
        else latest.set(key, value);
      },
    });
    try {
      await reader.caughtUp;
    } finally {
      await reader.stop();
    }
    let restored = 0;
    const unreadable: { key: string; error: unknown }[] = [];
    for (const [key, value] of latest) {
      try {
        const snapshot = decodeSnapshot(value);
        const engine = fresh.get(snapshot.partition);
        if (engine === undefined || snapshot.group !== this.env.RISK_ENGINE_CONSUMER_GROUP)
          continue;
        engine.restore(snapshot);
        restored += 1;
      } catch (error) {
        unreadable.push({ key, error });
      }
    }
    if (unreadable.length > 0) {
      // One line, not one per record: an old or foreign record format shows up in bulk.
      this.logger.error(
        {
          err: unreadable[0]?.error,
          topic: this.topics.state,
          count: unreadable.length,
          firstKey: unreadable[0]?.key,
        },
        'skipped unreadable learner snapshots',
      );
    }
    for (const [p, engine] of fresh) {
      this.engines.set(p, engine);
      this.metrics.learners.set({ partition: String(p) }, engine.learnerCount);
    }
    this.metrics.restoreSeconds.observe((performance.now() - started) / 1000);
    this.logger.info(
      { partitions: [...targets], learners: restored, ms: Math.round(performance.now() - started) },
      'risk engine restored its partitions from the snapshot topic',
    );
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const started = performance.now();
    const engine = await this.ensureRestored(batch.partition);
    const assessments: RiskAssessment[] = [];
    const deadLetters: ProducerMessage[] = [];
    let last: string | undefined;
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale()) break;
      this.handleMessage(engine, batch.partition, message, assessments, deadLetters);
      last = message.offset;
    }
    if (last === undefined) return;
    const written = await this.writeDurably(engine, assessments, deadLetters, payload);
    if (!written) return;
    payload.resolveOffset(last);
    await this.consumer?.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
    ]);
    this.metrics.learners.set({ partition: String(batch.partition) }, engine.learnerCount);
    this.metrics.batchSeconds.observe((performance.now() - started) / 1000);
  }

  private handleMessage(
    engine: PartitionEngine,
    partition: number,
    message: KafkaMessage,
    assessments: RiskAssessment[],
    deadLetters: ProducerMessage[],
  ): void {
    let event: LearningEvent;
    try {
      if (message.value === null) throw new Error('record has no value');
      event = learningEventCodec.decode(message.value);
      const result = engine.handle(event, Number(message.offset));
      this.metrics.events.inc({ outcome: result.outcome });
      assessments.push(...result.assessments);
    } catch (error) {
      this.metrics.events.inc({ outcome: 'dead_lettered' });
      this.metrics.deadLetters.inc();
      this.logger.warn(
        { err: error, topic: this.topics.events, partition, offset: message.offset },
        'risk engine could not process a record; sent to the dead-letter topic',
      );
      deadLetters.push(
        failedRecordMessage({
          topic: this.topics.events,
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers: message.headers,
          error,
        }),
      );
    }
  }

  /** Snapshots, outputs and dead letters, retried until acknowledged; false when stopping. */
  private async writeDurably(
    engine: PartitionEngine,
    assessments: readonly RiskAssessment[],
    deadLetters: ProducerMessage[],
    payload?: EachBatchPayload,
  ): Promise<boolean> {
    const producer = this.producer;
    if (producer === undefined) return false;
    const records: ProducerRecord[] = [
      {
        topic: this.topics.state,
        messages: engine.takeDirty().map((snapshot) => ({
          key: snapshotKey(snapshot.tenant, snapshot.learnerId),
          value: encodeSnapshot(snapshot),
        })),
      },
      {
        topic: this.topics.risk,
        messages: assessments.map((assessment) => ({
          key: `${assessment.tenant}:${assessment.learnerId}`,
          value: riskAssessmentCodec.encode(assessment),
        })),
      },
      { topic: this.topics.deadLetters, messages: deadLetters },
    ];
    for (let attempt = 1; ; attempt += 1) {
      if (this.stopping || (payload !== undefined && (!payload.isRunning() || payload.isStale()))) {
        return false;
      }
      try {
        await producer.send(records);
        for (const assessment of assessments)
          this.metrics.assessments.inc({ level: assessment.level });
        return true;
      } catch (error) {
        const delay = Math.min(10_000, 200 * 2 ** Math.min(attempt - 1, 10));
        this.logger.warn(
          { err: error, attempt, delayMs: delay },
          'writing snapshots and assessments failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        await payload?.heartbeat().catch(() => undefined);
      }
    }
  }

  /** Drops an erased learner from every partition in memory, then tombstones its snapshot. */
  private async forget(key: string, auditId: string): Promise<void> {
    await this.restoring;
    let held = false;
    for (const [partition, engine] of [...this.engines]) {
      // Under the partition's lock: a batch writing the learner's snapshot finishes first.
      const forgotten = await this.withLock(partition, () => Promise.resolve(engine.forget(key)));
      held = forgotten || held;
    }
    if (!held) return;
    this.tombstones ??= new TombstoneWriter(this.kafka);
    await this.tombstones.write([{ topic: this.topics.state, keys: [key] }]);
    this.logger.info({ auditId }, 'risk engine forgot an erased learner');
  }

  /** Moves every course of every partition in memory to today (inactivity grows). */
  private async wallTick(): Promise<void> {
    for (const [partition, engine] of [...this.engines]) {
      await this.withLock(partition, async () => {
        if (this.engines.get(partition) !== engine) return;
        const assessments = engine.tickUntil(Date.now());
        if (assessments.length === 0) return;
        await this.writeDurably(engine, assessments, []);
      }).catch((error: unknown) => {
        this.logger.error({ err: error, partition }, 'daily tick failed');
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.wallTimer);
    await this.erasures?.stop();
    await this.consumer?.disconnect();
    await this.tombstones?.close();
    await this.producer?.close();
    this.logger.info('risk engine stopped');
  }
}
