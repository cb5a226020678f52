/**
 * The SQL that gives a tenant's data scientists their own read-only ClickHouse user on a
 * ClickHouse server (`learnpulse sql-user create`): SELECT on the tenant-readable tables
 * only, readonly=1 with the same limits as POST /v1/sql, and per table a RESTRICTIVE row
 * policy `tenant = '<tenant>'` bound to that user. One PERMISSIVE `USING 1 TO ALL` policy per
 * table keeps every other user's view unchanged (a table with any row policy shows a user
 * no rows unless a permissive policy admits them). Pure; the embedded engine has no access
 * control, so this only runs against a server.
 */
import { quoteString } from './tenant-filter';

export interface SqlUserLimits {
  maxExecutionSeconds: number;
  maxMemoryBytes: number;
  maxResultRows: number;
  maxResultBytes: number;
}

export interface TenantSqlUser {
  tenant: string;
  database: string;
  /** Lower-case hex SHA-256 of the password (ClickHouse `sha256_hash`); never the password. */
  passwordSha256Hex: string;
  tables: readonly string[];
  limits: SqlUserLimits;
}

/** The policy that keeps all rows visible to everyone but tenant SQL users. */
export const ALL_ROWS_POLICY = 'learnpulse_all_rows';

export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/** `lp_sql_<tenant>`: the ClickHouse user of a tenant's SQL. */
export function tenantSqlUserName(tenant: string): string {
  return `lp_sql_${tenant}`;
}

function tablePath(database: string, table: string): string {
  return `${quoteIdentifier(database)}.${quoteIdentifier(table)}`;
}

/**
 * Creates or replaces the user (a new password each time) and its grants and policies; safe
 * to run again. The statements run in order, one per request.
 */
export function tenantSqlUserStatements(spec: TenantSqlUser): string[] {
  if (!/^[0-9a-f]{64}$/.test(spec.passwordSha256Hex)) {
    throw new Error('passwordSha256Hex must be 64 lower-case hex digits');
  }
  const user = quoteIdentifier(tenantSqlUserName(spec.tenant));
  const policy = quoteIdentifier(tenantSqlUserName(spec.tenant));
  const { limits } = spec;
  const statements = [
    `CREATE USER OR REPLACE ${user} IDENTIFIED WITH sha256_hash BY ${quoteString(spec.passwordSha256Hex)}` +
      ` DEFAULT DATABASE ${quoteIdentifier(spec.database)}` +
      ` SETTINGS readonly = 1, max_execution_time = ${limits.maxExecutionSeconds},` +
      ` max_memory_usage = ${limits.maxMemoryBytes}, max_result_rows = ${limits.maxResultRows},` +
      ` max_result_bytes = ${limits.maxResultBytes}, result_overflow_mode = 'throw'`,
  ];
  for (const table of spec.tables) {
    const path = tablePath(spec.database, table);
    statements.push(
      `GRANT SELECT ON ${path} TO ${user}`,
      `CREATE ROW POLICY IF NOT EXISTS ${quoteIdentifier(ALL_ROWS_POLICY)} ON ${path} FOR SELECT USING 1 AS PERMISSIVE TO ALL`,
      `CREATE ROW POLICY OR REPLACE ${policy} ON ${path} FOR SELECT USING tenant = ${quoteString(spec.tenant)} AS RESTRICTIVE TO ${user}`,
    );
  }
  return statements;
}

/** Removes the user and its policies (`learnpulse sql-user drop`); the all-rows policy stays. */
export function dropTenantSqlUserStatements(
  tenant: string,
  database: string,
  tables: readonly string[],
): string[] {
  const name = quoteIdentifier(tenantSqlUserName(tenant));
  return [
    ...tables.map((table) => `DROP ROW POLICY IF EXISTS ${name} ON ${tablePath(database, table)}`),
    `DROP USER IF EXISTS ${name}`,
  ];
}
