/**
 * Every statement id the store holds, read a keyset page at a time along the sort key of
 * xapi_statements (tenant, stored, statement_id), for KnownIdsFeed to seed its filter.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import { statementKey } from './known-statement-ids';

/** Rows per keyset page when reading the stored ids. */
export const SEED_PAGE_ROWS = 200_000;

interface IdRow {
  tenant: string;
  stored_text: string;
  id_text: string;
}

export interface StoredIdsOptions {
  pageRows?: number;
  /** Checked after every page: true ends the read early. */
  stopped?: () => boolean;
}

/**
 * The SQL of one page after `after` (the last row of the page before). The output names
 * differ from the columns on purpose: an alias named `stored` would shadow the column in
 * WHERE, and the keyset comparison would compare a string with a time.
 */
export function storedIdsPageQuery(
  after: IdRow | undefined,
  pageRows: number,
): { query: string; params: Record<string, string> } {
  return {
    query:
      'SELECT tenant, toString(stored) AS stored_text, toString(statement_id) AS id_text\n' +
      'FROM xapi_statements\n' +
      (after === undefined
        ? ''
        : "WHERE (tenant, stored, statement_id) > ({tenant:String}, {stored:DateTime64(3, 'UTC')}, {id:UUID})\n") +
      'ORDER BY tenant, stored, statement_id\n' +
      `LIMIT ${pageRows}`,
    params:
      after === undefined
        ? {}
        : { tenant: after.tenant, stored: after.stored_text, id: after.id_text },
  };
}

/** Hands every stored statement's key (statementKey form) to `add`; resolves to their number. */
export async function readStoredStatementKeys(
  clickhouse: ClickHouseClient,
  add: (key: string) => void,
  options: StoredIdsOptions = {},
): Promise<number> {
  const pageRows = options.pageRows ?? SEED_PAGE_ROWS;
  let after: IdRow | undefined;
  let total = 0;
  for (;;) {
    const { query, params } = storedIdsPageQuery(after, pageRows);
    const result = await clickhouse.query({ query, query_params: params, format: 'JSONEachRow' });
    const rows = await result.json<IdRow>();
    for (const row of rows) add(statementKey(row.tenant, row.id_text));
    total += rows.length;
    after = rows.at(-1);
    if (rows.length < pageRows || options.stopped?.() === true) return total;
  }
}
