/** Read-side checks of the GDPR specs: snapshots, rebuilds from raw, searches for a learner. */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import { quoteIdentifier } from '../src/erasure-plan';
import { type CatalogueTable, readCatalogue } from '../src/warehouse-catalogue';

async function rows(client: ClickHouseClient, query: string, params: Record<string, unknown> = {}) {
  return (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json<
    Record<string, unknown>
  >();
}

export async function optimize(client: ClickHouseClient, table: string): Promise<void> {
  await client.command({ query: `OPTIMIZE TABLE ${quoteIdentifier(table)} FINAL` });
}

/** The table's rows (aggregate states as values), merged, in key order, optionally filtered. */
export async function snapshot(
  client: ClickHouseClient,
  table: string,
  where = '1',
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const catalogue = await readCatalogue(client);
  const entry = catalogue.tables.find((t) => t.name === table);
  if (entry === undefined) throw new Error(`no table ${table}`);
  // Merged rows for a MergeTree; a key-value table holds one row per key already.
  if (entry.engine.endsWith('MergeTree')) await optimize(client, table);
  const list = entry.columns
    .map(({ name, type }) =>
      type.startsWith('AggregateFunction(')
        ? `finalizeAggregation(${quoteIdentifier(name)}) AS ${quoteIdentifier(name)}`
        : quoteIdentifier(name),
    )
    .join(', ');
  const result = await rows(
    client,
    `SELECT ${list} FROM ${quoteIdentifier(table)} WHERE ${where}`,
    params,
  );
  return result.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/**
 * The target of `view` rebuilt from scratch by its own SELECT over the whole raw table, into a
 * copy of the target, as a snapshot: what the rollup must equal.
 */
export async function rebuiltFromRaw(
  client: ClickHouseClient,
  view: string,
  target: string,
): Promise<Record<string, unknown>[]> {
  const catalogue = await readCatalogue(client);
  const entry = catalogue.tables.find((t) => t.name === view);
  if (entry === undefined) throw new Error(`no view ${view}`);
  const copy = `rebuild_${target}_${Date.now().toString(36)}`;
  await client.command({
    query: `CREATE TABLE ${quoteIdentifier(copy)} AS ${quoteIdentifier(target)}`,
  });
  const columns = entry.columns.map((c) => quoteIdentifier(c.name)).join(', ');
  await client.command({
    query: `INSERT INTO ${quoteIdentifier(copy)} (${columns}) ${entry.asSelect} SETTINGS insert_deduplicate = 0`,
  });
  try {
    return await snapshot(client, copy);
  } finally {
    await client.command({ query: `DROP TABLE ${quoteIdentifier(copy)}` });
  }
}

/** Equal, with floating-point sums compared to 1e-9 (a rebuild adds in another order). */
export function sameValues(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValues(item, b[index]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) =>
        sameValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
      )
    );
  }
  return a === b;
}

const TEXT_TYPES = /^(LowCardinality\()?(Nullable\()?(String|UUID|Array\(|Map\()/;

/** The table's tenant: a column, or the `tenant` element of a key tuple (xapi_statement_bodies). */
function tenantOf(table: CatalogueTable): string | null {
  if (table.columns.some((c) => c.name === 'tenant')) return 'tenant';
  const keyTuple = table.columns.find((c) => c.type.startsWith('Tuple(tenant '));
  return keyTuple === undefined ? null : `${quoteIdentifier(keyTuple.name)}.tenant`;
}

/** `<tenant of the table> = {<param>:String}`, for snapshot filters. */
export async function tenantIs(
  client: ClickHouseClient,
  table: string,
  param: string,
): Promise<string> {
  const entry = (await readCatalogue(client)).tables.find((t) => t.name === table);
  const tenant = entry === undefined ? null : tenantOf(entry);
  if (tenant === null) throw new Error(`table ${table} has no tenant`);
  return `${tenant} = {${param}:String}`;
}

/**
 * Per table, rows of `tenant` in which any text, id, array or map column contains one of the
 * needles (aggregate states cannot be searched; the rebuild comparison covers them).
 */
export async function tablesMentioning(
  client: ClickHouseClient,
  tenant: string,
  needles: readonly string[],
  except: readonly string[],
): Promise<Record<string, number>> {
  const catalogue = await readCatalogue(client);
  const found: Record<string, number> = {};
  for (const table of catalogue.tables) {
    const stores = table.engine.endsWith('MergeTree') || table.engine === 'EmbeddedRocksDB';
    if (!stores || except.includes(table.name)) continue;
    const searchable = table.columns.filter(
      (c) => TEXT_TYPES.test(c.type) || c.type.startsWith('SimpleAggregateFunction(sumMap'),
    );
    if (searchable.length === 0) continue;
    const text = `toString(tuple(${searchable.map((c) => quoteIdentifier(c.name)).join(', ')}))`;
    const tenantColumn = tenantOf(table);
    const scoped = tenantColumn === null ? '' : `${tenantColumn} = {tenant:String} AND `;
    const result = await rows(
      client,
      `SELECT count() AS n FROM ${quoteIdentifier(table.name)}
       WHERE ${scoped}arrayExists(needle -> positionCaseInsensitive(${text}, needle) > 0, {needles:Array(String)})`,
      { tenant, needles },
    );
    const n = Number(result[0]?.n ?? 0);
    if (n > 0) found[table.name] = n;
  }
  return found;
}
