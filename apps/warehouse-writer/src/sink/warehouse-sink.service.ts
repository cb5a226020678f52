/**
 * Runs the sink inside the Nest app: schema first (so analytics-api in the same process finds
 * the tables), then a kafkajs batch consumer over the sink topics, stopped before ClickHouse
 * closes on shutdown so the batch in flight finishes first.
 */
import {
  applyRetention,
  CLICKHOUSE,
  type ClickHouseClient,
  runMigrations,
} from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { ensureTopics, ReliableProducer, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import { LOGGER, type Logger } from '@learnpulse/observability';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { SINK_TOPICS } from '../rows/sink-topics';
import { BatchWriter } from './batch-writer';
import { consumerFetchSettings } from './consumer-settings';
import { SinkMetrics } from './sink-metrics';
import { SinkOffsetsStore } from './sink-offsets.store';
import { KAFKA, SINK_ENV } from './sink.tokens';

/** Partitions written in parallel; each partition's batches stay in order. */
const PARTITIONS_CONSUMED_CONCURRENTLY = 4;

@Injectable()
export class WarehouseSinkService
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private consumer: Consumer | undefined;
  private producer: ReliableProducer | undefined;

  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SINK_ENV) private readonly env: Environment,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: SinkMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    const result = await runMigrations(this.clickhouse, this.env, { logger: this.logger });
    this.logger.info(
      { applied: result.applied.length, alreadyApplied: result.alreadyApplied.length },
      'ClickHouse schema is up to date',
    );
    const retention = await applyRetention(this.clickhouse, this.env, this.logger);
    this.logger.info(
      {
        changed: retention.changed.map((t) => t.table),
        ttlDays: Object.fromEntries(retention.plan.map((t) => [t.table, t.days])),
      },
      'table retention applied (0 days keeps forever)',
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const env = this.env;
    await ensureTopics(this.kafka, {
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      topics: TOPIC_SPECS.filter((spec) =>
        [...SINK_TOPICS.map((t) => t.topic), TOPICS.learningEventsDlq].some(
          (name) => name === spec.name,
        ),
      ),
    });
    this.producer = await ReliableProducer.connect(this.kafka, this.logger);
    const consumer = this.kafka.consumer({
      groupId: env.WAREHOUSE_CONSUMER_GROUP,
      allowAutoTopicCreation: false,
      ...consumerFetchSettings(env),
    });
    this.consumer = consumer;
    const writer = new BatchWriter({
      client: this.clickhouse,
      offsets: new SinkOffsetsStore(this.clickhouse, env.WAREHOUSE_CONSUMER_GROUP),
      deadLetters: this.producer,
      metrics: this.metrics,
      logger: this.logger,
      group: env.WAREHOUSE_CONSUMER_GROUP,
      maxRows: env.WAREHOUSE_BATCH_MAX_ROWS,
      topics: SINK_TOPICS,
      dedupWindowMs: env.WAREHOUSE_DEDUP_WINDOW_MINUTES * 60_000,
      dedupMaxIds: env.WAREHOUSE_DEDUP_MAX_IDS,
    });
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      writer.forgetPartitions();
      this.logger.info(
        { group: env.WAREHOUSE_CONSUMER_GROUP, assignment: event.payload.memberAssignment },
        'warehouse sink joined its consumer group',
      );
    });
    await consumer.connect();
    await consumer.subscribe({ topics: SINK_TOPICS.map((t) => t.topic), fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
      eachBatch: (payload: EachBatchPayload) =>
        writer.write({
          topic: payload.batch.topic,
          partition: payload.batch.partition,
          messages: payload.batch.messages,
          resolveOffset: (offset) => {
            payload.resolveOffset(offset);
          },
          heartbeat: () => payload.heartbeat(),
          shouldContinue: () => payload.isRunning() && !payload.isStale(),
          commit: (nextOffset) =>
            consumer.commitOffsets([
              {
                topic: payload.batch.topic,
                partition: payload.batch.partition,
                offset: String(nextOffset),
              },
            ]),
        }),
    });
    this.logger.info(
      { group: env.WAREHOUSE_CONSUMER_GROUP, topics: SINK_TOPICS.map((t) => t.topic) },
      'warehouse sink consuming',
    );
  }

  /** Before ClickHouse closes: kafkajs lets the batch in flight finish, then leaves the group. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.close();
    this.logger.info('warehouse sink stopped');
  }
}
