/**
 * The `additional_table_filters` setting that binds a tenant's SQL to its rows: for every
 * readable table, by its plain and its database-qualified name (a query may use either),
 * `tenant = '<tenant>'`. Pure; the tenant comes from the credential, never from the request.
 */

/**
 * Escapes text for the inside of a ClickHouse single-quoted string literal. Quotes are
 * doubled (SQL style), not backslashed: the embedded engine quotes a setting's value once
 * more for its SET, and a doubled quote survives that where a backslash does not.
 */
export function escapeStringContent(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "''");
}

/** A ClickHouse string literal. */
export function quoteString(value: string): string {
  return `'${escapeStringContent(value)}'`;
}

/**
 * Map entries for `SettingsMap.from` (which quotes keys and values without escaping them),
 * so both are escaped here.
 */
export function tenantTableFilters(
  tenant: string,
  database: string,
  tables: readonly string[],
): Record<string, string> {
  const condition = escapeStringContent(`tenant = ${quoteString(tenant)}`);
  return Object.fromEntries(
    tables.flatMap((table) => [
      [escapeStringContent(table), condition],
      [escapeStringContent(`${database}.${table}`), condition],
    ]),
  );
}
