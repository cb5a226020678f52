/**
 * Follows the compacted tenancy topic into a TenancyState, from the beginning and for as long
 * as the process runs, so every HTTP app sees a new or revoked credential within about a second.
 * It reads with a fresh consumer group and never commits: every start replays the whole topic
 * (it is compacted: one record per tenant and credential). `caughtUp` resolves once every
 * partition was read up to the end offsets it had at start.
 */
import type { Environment } from '@learnpulse/config';
import { ensureTopics, fetchSettledTopicOffsets, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { TenancyState } from './tenancy-state';

export type TenancyEnvironment = Pick<
  Environment,
  'KAFKA_CLIENT_ID' | 'KAFKA_TOPIC_PARTITIONS' | 'KAFKA_REPLICATION_FACTOR'
>;

const TENANCY_SPEC = TOPIC_SPECS.find((spec) => spec.name === TOPICS.tenancy);

/** Creates the tenancy topic if it is missing (idempotent). */
export async function ensureTenancyTopic(kafka: Kafka, env: TenancyEnvironment): Promise<void> {
  if (TENANCY_SPEC === undefined) throw new Error(`${TOPICS.tenancy} is not declared`);
  await ensureTopics(kafka, {
    partitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    topics: [TENANCY_SPEC],
  });
}

export class TenancyFollower {
  private caughtUpNow = false;
  private readonly positions = new Map<number, number>();
  private markCaughtUp: () => void = () => undefined;
  /** Resolves when the state holds every record that existed when the follower started. */
  readonly caughtUp: Promise<void>;

  private constructor(
    private readonly consumer: Consumer,
    private readonly state: TenancyState,
    private readonly targets: Map<number, number>,
    private readonly logger: Logger,
  ) {
    this.caughtUp = new Promise((resolve) => {
      this.markCaughtUp = resolve;
    });
  }

  get isCaughtUp(): boolean {
    return this.caughtUpNow;
  }

  static async start(
    kafka: Kafka,
    env: TenancyEnvironment,
    state: TenancyState,
    logger: Logger,
  ): Promise<TenancyFollower> {
    await ensureTenancyTopic(kafka, env);
    const admin = kafka.admin();
    await admin.connect();
    let targets: Map<number, number>;
    try {
      const offsets = await fetchSettledTopicOffsets(admin, TOPICS.tenancy);
      targets = new Map(
        offsets
          .filter(({ high, low }) => Number(high) > Number(low))
          .map(({ partition, high }) => [partition, Number(high)]),
      );
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({
      groupId: `${env.KAFKA_CLIENT_ID}-tenancy-${randomUUID()}`,
      maxWaitTimeInMs: 1_000,
    });
    const follower = new TenancyFollower(consumer, state, targets, logger);
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.tenancy, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        follower.applyBatch(batch.partition, batch.messages);
        follower.positions.set(batch.partition, Number(batch.lastOffset()) + 1);
        follower.checkCaughtUp();
        await Promise.resolve();
      },
    });
    follower.checkCaughtUp();
    return follower;
  }

  private applyBatch(
    partition: number,
    messages: { key: Buffer | null; value: Buffer | null; offset: string }[],
  ): void {
    for (const message of messages) {
      const key = message.key?.toString() ?? '';
      try {
        this.state.apply(key, message.value);
      } catch (error) {
        // A malformed record must not stop the others: skip it and say where it is.
        this.logger.warn(
          { err: error, topic: TOPICS.tenancy, partition, offset: message.offset, key },
          'skipped a malformed tenancy record',
        );
      }
    }
  }

  private checkCaughtUp(): void {
    if (this.caughtUpNow) return;
    for (const [partition, target] of this.targets) {
      if ((this.positions.get(partition) ?? 0) < target) return;
    }
    this.caughtUpNow = true;
    this.markCaughtUp();
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
