/**
 * What the warehouse holds, read from ClickHouse's own catalogue (system.tables, system.columns)
 * so that erase and export follow the schema: a rollup added by a later migration is covered
 * without a code change.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';

export interface CatalogueColumn {
  readonly name: string;
  readonly type: string;
}

export interface CatalogueTable {
  readonly name: string;
  readonly engine: string;
  /** Columns of the sorting key, in order (the rollup's grouping key; a key-value table's primary key). */
  readonly sortingKey: readonly string[];
  readonly columns: readonly CatalogueColumn[];
  /** Materialized views fed by inserts into this table. */
  readonly views: readonly string[];
  /** For a materialized view: its SELECT and the table it writes to. */
  readonly asSelect: string;
  readonly target: string | undefined;
}

export interface WarehouseCatalogue {
  readonly database: string;
  readonly tables: readonly CatalogueTable[];
}

interface TableRow {
  name: string;
  engine: string;
  sorting_key: string;
  primary_key: string;
  dependencies_table: string[];
  as_select: string;
  create_table_query: string;
}

interface ColumnRow {
  table: string;
  name: string;
  type: string;
}

/** `CREATE MATERIALIZED VIEW db.v TO db.t (...)` → `t` (the target in the same database). */
export function viewTarget(createQuery: string, database: string): string | undefined {
  const match = /^CREATE MATERIALIZED VIEW \S+ TO (`?[^\s.`]+`?)\.(`?[^\s(`]+`?)/.exec(createQuery);
  if (match === null) return undefined;
  const unquote = (name: string | undefined): string => (name ?? '').replace(/`/g, '');
  return unquote(match[1]) === database ? unquote(match[2]) : undefined;
}

export async function readCatalogue(client: ClickHouseClient): Promise<WarehouseCatalogue> {
  const database = (
    await (
      await client.query({ query: 'SELECT currentDatabase() AS db', format: 'JSONEachRow' })
    ).json<{ db: string }>()
  )[0]?.db;
  if (database === undefined) throw new Error('ClickHouse did not name the current database');
  const tables = await (
    await client.query({
      query: `SELECT name, engine, sorting_key, primary_key, dependencies_table, as_select, create_table_query
              FROM system.tables WHERE database = {database:String} ORDER BY name`,
      query_params: { database },
      format: 'JSONEachRow',
    })
  ).json<TableRow>();
  const columns = await (
    await client.query({
      query: `SELECT table, name, type FROM system.columns
              WHERE database = {database:String} ORDER BY table, position`,
      query_params: { database },
      format: 'JSONEachRow',
    })
  ).json<ColumnRow>();
  return {
    database,
    tables: tables.map((row) => ({
      name: row.name,
      engine: row.engine,
      // A key-value table (EmbeddedRocksDB) has no sorting key: its primary key is its row key.
      sortingKey: (row.sorting_key === '' ? row.primary_key : row.sorting_key)
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
      columns: columns
        .filter((column) => column.table === row.name)
        .map(({ name, type }) => ({ name, type })),
      views: row.dependencies_table,
      asSelect: row.as_select,
      target:
        row.engine === 'MaterializedView'
          ? viewTarget(row.create_table_query, database)
          : undefined,
    })),
  };
}
