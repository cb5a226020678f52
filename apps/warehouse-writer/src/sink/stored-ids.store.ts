/**
 * Reads back, from a sink table, the ids stored from earlier offsets of a partition: to
 * restore the record of seen ids after a start or rebalance, and to look up a batch's ids
 * in the part of the window the record does not cover.
 */
import { type ClickHouseClient, DATE_TIME64_MIN_MS, toDateTime64 } from '@learnpulse/clickhouse';
import { type RowIdentity, type TimeRange } from './seen-ids';

/** Which columns of a sink table identify a row, and the time copies of it share. */
export interface RowIdentityColumns {
  table: string;
  idColumn: string;
  timeColumn: string;
}

interface StoredRow {
  tenant: string;
  id: string;
  t: string | number;
}

export function identityKey(tenant: string, id: string): string {
  return `${tenant}\u0000${id.toLowerCase()}`;
}

function toIdentity(row: StoredRow): RowIdentity {
  return { key: identityKey(row.tenant, row.id), timeMs: Number(row.t) };
}

function since(fromMs: number): string {
  return toDateTime64(Math.max(fromMs, DATE_TIME64_MIN_MS));
}

export class StoredIdsStore {
  constructor(private readonly client: ClickHouseClient) {}

  /** The newest `limit` rows (by time) of the partition below `beforeOffset`; `cut` when there were more. */
  async restore(
    columns: RowIdentityColumns,
    partition: number,
    beforeOffset: number,
    limit: number,
  ): Promise<{ rows: RowIdentity[]; cut: boolean }> {
    const { table, idColumn, timeColumn } = columns;
    const result = await this.client.query({
      query: `SELECT tenant, toString(${idColumn}) AS id, toUnixTimestamp64Milli(${timeColumn}) AS t
              FROM ${table}
              WHERE kafka_partition = {partition:UInt32} AND kafka_offset < {before:UInt64}
              ORDER BY ${timeColumn} DESC
              LIMIT {limit:UInt64}`,
      query_params: { partition, before: beforeOffset, limit: limit + 1 },
      format: 'JSONEachRow',
    });
    const rows = (await result.json<StoredRow>()).map(toIdentity);
    return { rows: rows.slice(0, limit), cut: rows.length > limit };
  }

  /** Stored copies of `ids` from below `beforeOffset` within `range`, by identity key. */
  async lookup(
    columns: RowIdentityColumns,
    partition: number,
    beforeOffset: number,
    range: TimeRange,
    ids: readonly string[],
  ): Promise<Map<string, number[]>> {
    const { table, idColumn, timeColumn } = columns;
    const until = range.untilMs === null ? '' : `AND ${timeColumn} < {until:DateTime64(3, 'UTC')}`;
    const result = await this.client.query({
      query: `SELECT tenant, toString(${idColumn}) AS id, toUnixTimestamp64Milli(${timeColumn}) AS t
              FROM ${table}
              WHERE kafka_partition = {partition:UInt32} AND kafka_offset < {before:UInt64}
                AND ${timeColumn} >= {from:DateTime64(3, 'UTC')} ${until}
                AND ${idColumn} IN {ids:Array(UUID)}`,
      query_params: {
        partition,
        before: beforeOffset,
        from: since(range.fromMs),
        ...(range.untilMs === null ? {} : { until: since(range.untilMs) }),
        ids: [...new Set(ids)],
      },
      format: 'JSONEachRow',
    });
    const found = new Map<string, number[]>();
    for (const row of (await result.json<StoredRow>()).map(toIdentity)) {
      found.set(row.key, [...(found.get(row.key) ?? []), row.timeMs]);
    }
    return found;
  }
}
