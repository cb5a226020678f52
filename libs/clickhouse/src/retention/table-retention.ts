/**
 * Retention of the warehouse tables: which tables take a TTL, on which time column, and how
 * many days each keeps, from the WAREHOUSE_*_RETENTION_DAYS settings (0 keeps forever).
 */

export type RetentionKind = 'raw' | 'rollup' | 'keyed';

export interface RetentionTable {
  table: string;
  /** Time column the TTL counts from. */
  column: string;
  /**
   * raw and rollup tables follow WAREHOUSE_RAW_/ROLLUP_RETENTION_DAYS; keyed tables (latest
   * state per key) keep forever unless WAREHOUSE_TABLE_RETENTION_DAYS names them, since a
   * learner enrolled years ago is still enrolled.
   */
  kind: RetentionKind;
}

export const RETENTION_TABLES: readonly RetentionTable[] = [
  { table: 'learning_events', column: 'occurred_at', kind: 'raw' },
  { table: 'xapi_statements', column: 'stored', kind: 'raw' },
  // The LRS's filter index expires with it (its key-value bodies: key-value-retention.ts).
  { table: 'xapi_statement_keys', column: 'stored', kind: 'raw' },
  { table: 'risk_assessments', column: 'as_of', kind: 'raw' },
  { table: 'enrolment_history', column: 'occurred_at', kind: 'raw' },
  { table: 'course_daily_activity', column: 'day', kind: 'rollup' },
  { table: 'course_weekly_activity', column: 'week', kind: 'rollup' },
  { table: 'learner_daily_activity', column: 'day', kind: 'rollup' },
  { table: 'video_engagement', column: 'day', kind: 'rollup' },
  { table: 'activity_completion', column: 'last_occurred_at', kind: 'keyed' },
  { table: 'enrolment_current', column: 'occurred_at', kind: 'keyed' },
  { table: 'learner_risk_latest', column: 'as_of', kind: 'keyed' },
];

export interface RetentionSettings {
  WAREHOUSE_RAW_RETENTION_DAYS: number;
  WAREHOUSE_ROLLUP_RETENTION_DAYS: number;
  WAREHOUSE_TABLE_RETENTION_DAYS: Record<string, number>;
}

export interface TableRetention {
  table: string;
  days: number;
  /** The TTL expression as ClickHouse prints it in create_table_query; null keeps forever. */
  ttl: string | null;
}

export class RetentionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetentionConfigError';
  }
}

export function ttlExpression(column: string, days: number): string {
  return `toDateTime(${column}) + toIntervalDay(${days})`;
}

/** Throws RetentionConfigError when WAREHOUSE_TABLE_RETENTION_DAYS names a table without a TTL column. */
export function retentionPlan(settings: RetentionSettings): TableRetention[] {
  const known = new Set(RETENTION_TABLES.map((t) => t.table));
  const unknown = Object.keys(settings.WAREHOUSE_TABLE_RETENTION_DAYS).filter(
    (table) => !known.has(table),
  );
  if (unknown.length > 0) {
    throw new RetentionConfigError(
      `WAREHOUSE_TABLE_RETENTION_DAYS names ${unknown.join(', ')}: retention applies only to ` +
        [...known].join(', '),
    );
  }
  return RETENTION_TABLES.map(({ table, column, kind }) => {
    const fallback =
      kind === 'raw'
        ? settings.WAREHOUSE_RAW_RETENTION_DAYS
        : kind === 'rollup'
          ? settings.WAREHOUSE_ROLLUP_RETENTION_DAYS
          : 0;
    const days = settings.WAREHOUSE_TABLE_RETENTION_DAYS[table] ?? fallback;
    return { table, days, ttl: days > 0 ? ttlExpression(column, days) : null };
  });
}

/** The table TTL in a create_table_query, or null when it has none. */
export function currentTtl(createTableQuery: string): string | null {
  return / TTL (.+?) SETTINGS /.exec(createTableQuery)?.[1] ?? null;
}

/** The ALTER that brings a table from its current TTL to the planned one, or null when it is there. */
export function retentionStatement(planned: TableRetention, current: string | null): string | null {
  if (planned.ttl === current) return null;
  if (planned.ttl === null) return `ALTER TABLE ${planned.table} REMOVE TTL`;
  return `ALTER TABLE ${planned.table} MODIFY TTL ${planned.ttl}`;
}
