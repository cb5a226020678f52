/**
 * ClickHouse errors of a tenant's own query → the status the caller gets. The query is the
 * caller's, so its errors are 4xx with ClickHouse's message; only errors without a
 * ClickHouse code (the engine is down) are left to become a 500. Pure.
 */

export interface ClickHouseFailure {
  code: string;
  type: string | undefined;
  message: string;
}

export function clickHouseFailureOf(error: unknown): ClickHouseFailure | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') {
    return undefined;
  }
  if (!/^\d+$/.test(error.code)) return undefined;
  const type = 'type' in error && typeof error.type === 'string' ? error.type : undefined;
  return { code: error.code, type, message: error.message.trim() };
}

export interface SqlErrorResponse {
  status: number;
  message: string;
}

const LIMIT_STATUS: Readonly<Record<string, number>> = {
  TOO_MANY_ROWS_OR_BYTES: 413,
  TIMEOUT_EXCEEDED: 422,
  MEMORY_LIMIT_EXCEEDED: 422,
  TOO_MANY_ROWS: 422,
  TOO_MANY_BYTES: 422,
  READONLY: 403,
  ACCESS_DENIED: 403,
};

/** The scope ClickHouse names in a parse error is our formatting wrapper, not the query. */
const WRAPPER_SCOPE = /[\s.]*:? In scope SELECT formatQuerySingleLine\(.*$/s;

export function sqlErrorResponse(failure: ClickHouseFailure): SqlErrorResponse {
  const status = failure.type === undefined ? 400 : (LIMIT_STATUS[failure.type] ?? 400);
  return { status, message: failure.message.replace(WRAPPER_SCOPE, '') };
}
