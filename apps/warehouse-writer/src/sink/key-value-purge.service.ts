/**
 * Deletes the expired rows of the key-value tables (libs/clickhouse key-value-retention) at
 * start, after the migrations, and then every KEY_VALUE_PURGE_INTERVAL_MS. A failed purge is
 * logged and tried again at the next interval: the rows stay unreadable through the listing
 * index either way, whose MergeTree TTL removes them.
 */
import {
  CLICKHOUSE,
  type ClickHouseClient,
  KEY_VALUE_PURGE_INTERVAL_MS,
  purgeExpiredKeyValueRows,
} from '@learnpulse/clickhouse';
import { type Environment } from '@learnpulse/config';
import { LOGGER, type Logger } from '@learnpulse/observability';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SINK_ENV } from './sink.tokens';

@Injectable()
export class KeyValuePurgeService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    @Inject(SINK_ENV) private readonly env: Environment,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: a purge scans the whole table, which must not hold up the start.
    void this.purge();
    this.timer = setInterval(() => void this.purge(), KEY_VALUE_PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private purge(): Promise<void> {
    this.running ??= (async () => {
      try {
        const purged = await purgeExpiredKeyValueRows(this.clickhouse, this.env);
        if (purged.length > 0) {
          this.logger.info(
            { tables: Object.fromEntries(purged.map((p) => [p.table, p.days])) },
            'deleted expired rows of the key-value tables (retention days)',
          );
        }
      } catch (error) {
        this.logger.error(
          { err: error },
          'purge of expired key-value rows failed; next try in an hour',
        );
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
