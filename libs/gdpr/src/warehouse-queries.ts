/** Small typed wrappers over the client for the erase and export queries. */
import { type ClickHouseClient } from '@learnpulse/clickhouse';

export async function countRows(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
): Promise<number> {
  const rows = await (
    await client.query({ query, query_params: params, format: 'JSONEachRow' })
  ).json<{ rows: string | number }>();
  return Number(rows[0]?.rows ?? 0);
}

export async function selectRows<Row>(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
): Promise<Row[]> {
  return (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json<Row>();
}

export async function run(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
): Promise<void> {
  await client.command({ query, query_params: params });
}
