/**
 * Splits a migration file into statements at each `;` that is outside quotes and comments,
 * so a comment or a COMMENT '...' text may contain `;` freely.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  const take = (end: number): void => {
    current += sql.slice(i, end);
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      take(end === -1 ? sql.length : end);
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      take(end === -1 ? sql.length : end + 2);
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '\\') j += 2;
        else if (sql[j] === ch && sql[j + 1] === ch)
          j += 2; // doubled quote
        else if (sql[j] === ch) break;
        else j += 1;
      }
      take(Math.min(j + 1, sql.length));
    } else if (ch === ';') {
      statements.push(current);
      current = '';
      i += 1;
    } else {
      take(i + 1);
    }
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter((s) => !isOnlyComments(s));
}

function isOnlyComments(statement: string): boolean {
  return (
    statement
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/--[^\n]*/g, '')
      .trim() === ''
  );
}
