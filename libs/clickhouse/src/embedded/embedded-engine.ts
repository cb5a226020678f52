/**
 * The process's one embedded ClickHouse (chdb) engine. libchdb binds one data folder per
 * process, so every client of the process shares it; it stays open while any client holds
 * a reference and is closed with the last one.
 *
 * Measured on chdb 3.4 (see README): the client's `database` option does not reach chdb,
 * and `clickhouse_settings` become `SET` statements that stay on the native connection
 * (an insert_deduplication_token or readonly=1 would leak into the next query). So each
 * operation runs on a native connection of its own: connections switched to the client's
 * database with `USE` are pooled and reused, except one that ran with settings, which is
 * closed after its operation.
 */
import type { ClickHouseClientConfigOptions } from '@clickhouse/client';
import { type ChdbExtension, createChdbConnection } from 'chdb/connection';
import { detachStdinFromEngine } from './engine-stdin';

/**
 * The Connection contract as @clickhouse/client declares it, and chdb's own raw insert (a
 * Buffer handed to the engine as it is, instead of a string spliced into the SQL text).
 */
export type ClientConnection = NonNullable<ClickHouseClientConfigOptions['connection']>;
export type NativeConnection = ClientConnection & {
  readonly chdb: Pick<ChdbExtension, 'rawInsert'>;
};

/**
 * chdb declares its connection against @clickhouse/client-common 1.23.0 and the client
 * bundles its own copy (1.23.1) of the same contract; the shapes agree at runtime, only the
 * settings type differs nominally, so the connection is viewed through the client's type.
 */
function openNativeConnection(path: string): NativeConnection {
  return createChdbConnection({ path }) as unknown as NativeConnection;
}

const MAX_IDLE_CONNECTIONS_PER_DATABASE = 8;

/**
 * Where chdb's defaults differ from a ClickHouse server's, use the server's, so code behaves
 * the same in both modes: 64-bit integers (count(), sum()) are JSON strings on a server.
 */
const SERVER_DEFAULTS = 'output_format_json_quote_64bit_integers = 1';

export class EmbeddedEngineBusyError extends Error {
  constructor(
    readonly boundPath: string,
    readonly requestedPath: string,
  ) {
    super(
      `embedded ClickHouse is already bound to ${boundPath} in this process; ` +
        `cannot open ${requestedPath} too (chdb binds one data folder per process)`,
    );
    this.name = 'EmbeddedEngineBusyError';
  }
}

function quoteIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

class EmbeddedEngine {
  private refs = 0;
  private readonly idle = new Map<string, NativeConnection[]>();
  private readonly databases = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<unknown>>();
  /** Holds the data folder open between operations, and creates the databases. */
  private readonly anchor: NativeConnection;

  constructor(readonly path: string) {
    this.anchor = openNativeConnection(path);
  }

  retain(): void {
    this.refs += 1;
  }

  /** Returns true when this was the last reference. */
  release(): boolean {
    this.refs -= 1;
    return this.refs === 0;
  }

  async shutdown(): Promise<void> {
    // Closing a native connection under a running query aborts the engine: let them finish.
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
    for (const pool of this.idle.values()) {
      for (const connection of pool) await connection.close();
    }
    this.idle.clear();
    await this.anchor.close();
  }

  get references(): number {
    return this.refs;
  }

  /** Runs one operation on a native connection switched to `database`. */
  run<T>(
    database: string,
    changesSettings: boolean,
    operation: (connection: NativeConnection) => Promise<T>,
  ): Promise<T> {
    const task = (async () => {
      const connection = await this.borrow(database);
      let reusable = !changesSettings;
      try {
        return await operation(connection);
      } catch (error) {
        // A failed multi-statement may have applied some SETs before failing.
        reusable = false;
        throw error;
      } finally {
        await this.giveBack(database, connection, reusable);
      }
    })();
    this.running.add(task);
    const forget = (): void => {
      this.running.delete(task);
    };
    task.then(forget, forget);
    return task;
  }

  private ensureDatabase(database: string): Promise<void> {
    let ready = this.databases.get(database);
    if (ready === undefined) {
      ready = this.anchor
        .command({ query: `CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(database)}` })
        .then(() => undefined);
      // A failure is not cached: the next operation tries again.
      ready.catch(() => this.databases.delete(database));
      this.databases.set(database, ready);
    }
    return ready;
  }

  private async borrow(database: string): Promise<NativeConnection> {
    const pooled = this.idle.get(database)?.pop();
    if (pooled !== undefined) return pooled;
    await this.ensureDatabase(database);
    const connection = openNativeConnection(this.path);
    try {
      await connection.command({
        query: `USE ${quoteIdentifier(database)}; SET ${SERVER_DEFAULTS}`,
      });
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  }

  private async giveBack(
    database: string,
    connection: NativeConnection,
    reusable: boolean,
  ): Promise<void> {
    let pool = this.idle.get(database);
    if (pool === undefined) {
      pool = [];
      this.idle.set(database, pool);
    }
    if (reusable && pool.length < MAX_IDLE_CONNECTIONS_PER_DATABASE) pool.push(connection);
    else await connection.close();
  }
}

let current: EmbeddedEngine | undefined;

/** Takes a reference on the process's engine, opening it at `path` if none is open. */
export function acquireEmbeddedEngine(path: string): EmbeddedEngine {
  if (current !== undefined && current.path !== path) {
    throw new EmbeddedEngineBusyError(current.path, path);
  }
  if (current === undefined) {
    // Before the engine's first query: chdb would read a piped stdin as INSERT data.
    detachStdinFromEngine();
    current = new EmbeddedEngine(path);
  }
  current.retain();
  return current;
}

/** Drops a reference; the engine closes (and another folder may be opened) after the last. */
export async function releaseEmbeddedEngine(engine: EmbeddedEngine): Promise<void> {
  if (!engine.release()) return;
  // Forget it before closing, so an acquire during the close opens a fresh engine.
  if (current === engine) current = undefined;
  await engine.shutdown();
}

/** Path and reference count of the open engine, for diagnostics and tests. */
export function embeddedEngineState(): { path: string; references: number } | undefined {
  return current === undefined ? undefined : { path: current.path, references: current.references };
}

export type { EmbeddedEngine };
