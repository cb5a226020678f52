/**
 * The `@clickhouse/client` Connection of an embedded client: every operation runs on the
 * shared engine in this client's database, and closing releases the client's reference.
 */
import {
  acquireEmbeddedEngine,
  releaseEmbeddedEngine,
  type EmbeddedEngine,
  type ClientConnection,
  type NativeConnection,
} from './embedded-engine';
import { inlineInsertSettings } from './inline-insert-settings';
import { type RowBlock } from './row-block';

type QueryParams = Parameters<ClientConnection['query']>[0];

export interface BlockInsert {
  table: string;
  block: RowBlock;
  /** Go into the INSERT's `SETTINGS` clause, so the native connection stays reusable. */
  settings: Record<string, string | number | boolean>;
}

/**
 * Settings chdb's connection drops or maps to an option instead of running `SET` (it knows
 * them from the HTTP protocol); anything else changes the native connection's state.
 */
const STATELESS_SETTINGS = new Set([
  'default_format',
  'wait_end_of_query',
  'send_progress_in_http_headers',
  'http_response_buffer_size',
  'http_headers_progress_interval_ms',
  'http_send_progress_interval_ms',
  'enable_http_compression',
  'http_zlib_compression_level',
  'http_response_compression_method',
  'http_native_compression_disable_checksumming_on_decompress',
]);

/** True when running the operation leaves `SET` state on the native connection. */
export function changesSessionSettings(settings: Record<string, unknown> | undefined): boolean {
  if (settings === undefined) return false;
  return Object.entries(settings).some(
    ([name, value]) => value !== undefined && !STATELESS_SETTINGS.has(name),
  );
}

export class EmbeddedConnection implements ClientConnection {
  private readonly engine: EmbeddedEngine;
  private closed = false;

  constructor(
    path: string,
    private readonly database: string,
  ) {
    this.engine = acquireEmbeddedEngine(path);
  }

  query: ClientConnection['query'] = (params) =>
    this.run(params, (connection) => connection.query(params));

  exec: ClientConnection['exec'] = (params) =>
    this.run(params, (connection) => connection.exec(params));

  command: ClientConnection['command'] = (params) =>
    this.run(params, (connection) => connection.command(params));

  insert: ClientConnection['insert'] = (params) => {
    const inlined = inlineInsertSettings(params.query, params.clickhouse_settings, (name) =>
      STATELESS_SETTINGS.has(name),
    );
    const rewritten = { ...params, query: inlined.query, clickhouse_settings: inlined.settings };
    return this.run(rewritten, (connection) => connection.insert(rewritten));
  };

  /**
   * Inserts encoded rows as they are: the client's insert turns them into one string and
   * chdb splices it into the SQL text, copying a 50,000-row batch (38 MB) several times on
   * the main thread; here the Buffer goes to the engine without a copy.
   */
  insertBlock({ table, block, settings }: BlockInsert): Promise<void> {
    return this.run({}, async (connection) => {
      await connection.chdb.rawInsert({
        table,
        values: block.bytes,
        format: block.format,
        ...(block.columns.length > 0 ? { columns: block.columns } : {}),
        settings,
      });
    });
  }

  ping: ClientConnection['ping'] = async (params) => {
    if (this.closed) return { success: false, error: new Error('the ClickHouse client is closed') };
    try {
      return await this.engine.run(this.database, false, (connection) => connection.ping(params));
    } catch (error) {
      return { success: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
  };

  close: ClientConnection['close'] = async () => {
    if (this.closed) return;
    this.closed = true;
    await releaseEmbeddedEngine(this.engine);
  };

  private run<T>(
    params: Pick<QueryParams, 'clickhouse_settings'>,
    operation: (connection: NativeConnection) => Promise<T>,
  ): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the ClickHouse client is closed'));
    return this.engine.run(
      this.database,
      changesSessionSettings(params.clickhouse_settings),
      operation,
    );
  }
}
