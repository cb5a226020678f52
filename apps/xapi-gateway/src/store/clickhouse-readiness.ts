/** The gateway's ClickHouse readiness check: reads need the statement store. */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
export const CLICKHOUSE_READINESS = Symbol('xapi-gateway.clickhouse-readiness');

/** Throws unless ClickHouse answers and the statement table exists (the writer migrated it). */
export async function checkClickHouse(client: ClickHouseClient): Promise<void> {
  const result = await client.query({
    query:
      "SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = 'xapi_voided_statements'",
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string | number }>();
  if (Number(row?.n) !== 1) throw new Error('the statement store tables do not exist yet');
}
