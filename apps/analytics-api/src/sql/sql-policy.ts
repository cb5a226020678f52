/**
 * What a tenant's SQL may do, decided on ClickHouse's own syntax tree (`EXPLAIN AST`): one
 * SELECT, reading only the warehouse tables that carry a tenant filter. `readonly=1` and
 * `additional_table_filters` alone are not enough in the embedded engine: table functions
 * (`merge()` reads unfiltered, `file()` reads the disk), other tables and databases (views,
 * `system.*`), `INTO OUTFILE` (writes a file even read-only) and scalar functions that read
 * outside the query (`file()`, `dictGet()`, `joinGet()`) all get past them. Pure.
 */
import type { AstNode } from './explain-ast';

export interface SqlPolicy {
  /** The warehouse database (CLICKHOUSE_DATABASE); unqualified names resolve in it. */
  database: string;
  /** Tables a tenant may read, each filtered to the tenant's rows. */
  allowedTables: ReadonlySet<string>;
  /** Every table, view and dictionary that exists in `database`. */
  existingTables: ReadonlySet<string>;
}

export type PolicyVerdict = { ok: true; tables: string[] } | { ok: false; reason: string };

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** IN and its variants: a bare name on the right is a table read (`x IN some_table`). */
const IN_FUNCTIONS = new Set([
  'in',
  'notin',
  'globalin',
  'globalnotin',
  'nullin',
  'notnullin',
  'globalnullin',
  'globalnotnullin',
]);

/** Scalar functions that read files, dictionaries, Join tables, settings or server state. */
const FORBIDDEN_FUNCTIONS = new Set([
  'file',
  'joinget',
  'joingetornull',
  'hascolumnintable',
  'getsetting',
  'getsettingordefault',
  'getserversetting',
  'getmergetreesetting',
  'getmacro',
  'getclienthttpheader',
  'catboostevaluate',
  'modelevaluate',
  'addresstoline',
  'addresstolinewithinlines',
  'addresstosymbol',
  'demangle',
  'filesystemavailable',
  'filesystemcapacity',
  'filesystemfree',
  'filesystemunreserved',
  'input',
]);

function forbiddenFunction(name: string): boolean {
  const lower = name.toLowerCase();
  // dictGet, dictGetString, dictHas, dictIsIn, ...; and internal helpers (__scalarSubqueryResult).
  return FORBIDDEN_FUNCTIONS.has(lower) || lower.startsWith('dict') || lower.startsWith('__');
}

/** "SelectWithUnionQuery" → "SELECT", "InsertQuery" → "INSERT", "AlterQuery" → "ALTER". */
function statementKind(type: string): string {
  const base = type.replace(/Query$/, '');
  if (base.startsWith('Select')) return 'SELECT';
  if (base === 'Set') return 'SET';
  return base.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

function refuse(reason: string): PolicyVerdict {
  return { ok: false, reason };
}

class Walk {
  readonly tables = new Set<string>();
  reason: string | undefined;

  constructor(private readonly policy: SqlPolicy) {}

  visit(node: AstNode, parent: AstNode | undefined): void {
    if (this.reason !== undefined) return;
    this.reason = this.check(node, parent);
    for (const child of node.children) this.visit(child, node);
  }

  private check(node: AstNode, parent: AstNode | undefined): string | undefined {
    switch (node.type) {
      case 'Set':
        return 'a SETTINGS clause is not allowed (limits and the tenant filter are fixed by the API)';
      case 'SelectWithUnionQuery':
        // A second child is INTO OUTFILE (a Literal) or FORMAT (an Identifier).
        if (node.children.length > 1) {
          return node.children.some((child) => child.type === 'Literal')
            ? 'INTO OUTFILE is not allowed'
            : 'a FORMAT clause is not allowed (use the format query parameter)';
        }
        return undefined;
      case 'TableIdentifier':
        return this.checkTable(node.text);
      case 'Function':
        return parent?.type === 'TableExpression'
          ? `table functions are not allowed: ${node.text}()`
          : this.checkFunction(node);
      case 'Identifier':
      case 'Literal':
      case 'Asterisk':
      case 'QualifiedAsterisk':
      case 'ColumnsListMatcher':
      case 'ColumnsRegexpMatcher':
        return undefined;
      default:
        if (node.type.endsWith('Query') && !node.type.includes('Select')) {
          return `only a SELECT statement is allowed, not ${statementKind(node.type)}`;
        }
        return undefined;
    }
  }

  private checkTable(name: string): string | undefined {
    const parts = name.split('.');
    if (parts.length > 2 || !parts.every((part) => PLAIN_NAME.test(part))) {
      return `table names must be plain identifiers: ${name}`;
    }
    const [first, second] = parts as [string, string | undefined];
    if (second !== undefined) {
      if (first !== this.policy.database) {
        return `only tables of the ${this.policy.database} database can be read, not ${name}`;
      }
      if (!this.policy.allowedTables.has(second)) return `table ${name} is not readable`;
      this.tables.add(second);
      return undefined;
    }
    if (this.policy.allowedTables.has(first)) {
      this.tables.add(first);
      return undefined;
    }
    // Any other unqualified name must be a WITH (CTE) name: an existing table of the database
    // by that name would be read unfiltered.
    if (this.policy.existingTables.has(first)) return `table ${first} is not readable`;
    return undefined;
  }

  private checkFunction(node: AstNode): string | undefined {
    const name = node.text;
    if (forbiddenFunction(name)) return `function ${name}() is not allowed`;
    if (IN_FUNCTIONS.has(name.toLowerCase())) {
      const right = node.children[0]?.children[1];
      if (right?.type === 'Identifier') {
        return `${name.toUpperCase()} needs a subquery or a list of values, not a table name (${right.text})`;
      }
    }
    return undefined;
  }
}

/** Checks one statement's syntax tree; the verdict names the first rule it breaks. */
export function checkSqlPolicy(root: AstNode, policy: SqlPolicy): PolicyVerdict {
  if (root.type !== 'SelectWithUnionQuery') {
    return refuse(`only a SELECT statement is allowed, not ${statementKind(root.type)}`);
  }
  const walk = new Walk(policy);
  walk.visit(root, undefined);
  if (walk.reason !== undefined) return refuse(walk.reason);
  return { ok: true, tables: [...walk.tables].sort() };
}
