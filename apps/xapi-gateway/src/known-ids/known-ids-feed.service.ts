/**
 * Fills KnownStatementIds and keeps it current: the ids ClickHouse holds (everything below
 * warehouse-writer's committed offsets), then a tail of xapi.statements.v1 from those offsets
 * on, which every gateway instance reads in full (its own consumer group, never committed), so
 * an id written through any instance is known here within one fetch. The tail runs in a worker
 * thread (known-ids-tail.ts): the main thread only sets the bits.
 *
 * Runs in the background after start: until it has caught up the write path asks the store
 * about every id, as it would without the filter.
 */
import { randomUUID } from 'node:crypto';
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { fetchSettledTopicOffsets, TOPICS } from '@learnpulse/kafka';
import { type Logger } from '@learnpulse/observability';
import { type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { CatchUp, tailTargets } from './known-ids-catch-up';
import { KnownIdsTail } from './known-ids-tail';
import { type KnownStatementIds } from './known-statement-ids';
import { readStoredStatementKeys } from './stored-statement-ids';

/** A tail fetch waits at most this long for new records: the window in which a re-send is missed. */
const TAIL_MAX_WAIT_MS = 50;
const RETRY_DELAY_MS = 5_000;
const SHUTDOWN_WAIT_MS = 5_000;

export interface KnownIdsFeedDependencies {
  env: Pick<Environment, 'WAREHOUSE_CONSUMER_GROUP' | 'KAFKA_CLIENT_ID'>;
  kafka: Kafka;
  clickhouse: ClickHouseClient;
  logger: Logger;
  known: KnownStatementIds;
}

export class KnownIdsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private tail: KnownIdsTail | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private filling: Promise<void> | undefined;

  constructor(private readonly deps: KnownIdsFeedDependencies) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    // A fill still under way checks `stopped` after every step and disconnects a consumer it
    // started after this; wait for it a little, never forever (a store query cut off by the
    // shutdown of the engine may never settle).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.filling,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SHUTDOWN_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    await this.tail?.stop();
    this.tail = undefined;
  }

  private start(): void {
    this.filling = this.fill().catch(async (error: unknown) => {
      await this.tail?.stop().catch(() => undefined);
      this.tail = undefined;
      if (this.stopped) return;
      this.deps.logger.warn(
        { err: error, retryInMs: RETRY_DELAY_MS },
        'known statement ids not loaded; the store answers every id until they are',
      );
      this.retry = setTimeout(() => {
        this.start();
      }, RETRY_DELAY_MS);
    });
  }

  private async fill(): Promise<void> {
    const { kafka, env, logger, known } = this.deps;
    const startedAt = Date.now();
    const admin = kafka.admin();
    await admin.connect();
    let targets;
    try {
      // Commits first: every id below them is in ClickHouse by the time it is read.
      const [commits] = await admin.fetchOffsets({
        groupId: env.WAREHOUSE_CONSUMER_GROUP,
        topics: [TOPICS.xapiStatements],
      });
      const ends = await fetchSettledTopicOffsets(admin, TOPICS.xapiStatements);
      targets = tailTargets(ends, commits?.partitions ?? []);
    } finally {
      await admin.disconnect();
    }
    if (this.isStopped()) return;
    const seeded = await readStoredStatementKeys(
      this.deps.clickhouse,
      (key) => {
        known.addKey(key);
      },
      { stopped: () => this.isStopped() },
    );
    if (this.isStopped()) return;
    const catchUp = new CatchUp(targets);
    const ready = (): void => {
      if (known.ready || !catchUp.done) return;
      known.markReady();
      logger.info(
        { ids: known.size, fromStore: seeded, bytes: known.bytes, ms: Date.now() - startedAt },
        'known statement ids loaded; new ids no longer wait for the store',
      );
    };
    const tail = await KnownIdsTail.start({
      kafka,
      topic: TOPICS.xapiStatements,
      groupId: `${env.KAFKA_CLIENT_ID}-xapi-gateway-known-ids-${randomUUID()}`,
      maxWaitMs: TAIL_MAX_WAIT_MS,
      starts: targets.map((target) => ({ partition: target.partition, offset: target.start })),
      logger,
      onDigests: (partition, nextOffset, digests) => {
        known.addDigests(digests);
        catchUp.advance(partition, nextOffset);
        ready();
      },
      // A tail that stopped for good leaves the filter stale: the store decides again until a
      // new fill has caught up.
      onCrash: (error) => {
        if (this.stopped) return;
        known.markStale();
        logger.warn({ err: error }, 'known statement ids tail stopped; reloading');
        void tail.stop().catch(() => undefined);
        if (this.tail === tail) this.tail = undefined;
        this.retry = setTimeout(() => {
          this.start();
        }, RETRY_DELAY_MS);
      },
    });
    this.tail = tail;
    if (this.isStopped()) {
      await tail.stop();
      this.tail = undefined;
      return;
    }
    ready();
  }

  // A method, not the field: the field's narrowing would not see a shutdown during an await.
  private isStopped(): boolean {
    return this.stopped;
  }
}
