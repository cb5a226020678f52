/**
 * The `additional_table_filters` setting that binds a tenant's SQL to its rows: for every
 * readable table, by its plain and its database-qualified name (a query may use either),
 * `tenant = <the tenant>`. Pure; the tenant comes from the credential, never from the request.
 *
 * The tenant is written as `char(<its UTF-8 bytes>)`, not as a quoted literal: the map travels
 * inside quotes, and the embedded engine quotes the value once more for its `SET` while a
 * server parses the HTTP parameter as it is, so any escaping would be right for one transport
 * and wrong for the other. Without quote or backslash, the map text is the same for both.
 */

/** A ClickHouse string literal (single quotes doubled, backslashes escaped). */
export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A string constant without quotes: char() of its UTF-8 bytes. */
export function stringByBytes(value: string): string {
  return `char(${[...Buffer.from(value, 'utf8')].join(', ')})`;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Entries for `SettingsMap.from`, which quotes keys and values without escaping them. */
export function tenantTableFilters(
  tenant: string,
  database: string,
  tables: readonly string[],
): Record<string, string> {
  for (const name of [database, ...tables]) {
    if (!PLAIN_NAME.test(name)) throw new Error(`not a plain table or database name: ${name}`);
  }
  const condition = `tenant = ${stringByBytes(tenant)}`;
  return Object.fromEntries(
    tables.flatMap((table) => [
      [table, condition],
      [`${database}.${table}`, condition],
    ]),
  );
}
