/**
 * The `format` query parameter of POST /v1/sql → the ClickHouse output format and the
 * response content type. CSV and TSV carry a header row, as pandas and R expect. Pure.
 */
import type { ParamError } from '../params/param-error';

export const SQL_FORMATS = ['JSONEachRow', 'CSV', 'TSV', 'Parquet'] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];

export interface OutputFormat {
  clickhouse: string;
  contentType: string;
}

const OUTPUT: Record<SqlFormat, OutputFormat> = {
  JSONEachRow: { clickhouse: 'JSONEachRow', contentType: 'application/x-ndjson; charset=utf-8' },
  CSV: { clickhouse: 'CSVWithNames', contentType: 'text/csv; charset=utf-8' },
  TSV: {
    clickhouse: 'TabSeparatedWithNames',
    contentType: 'text/tab-separated-values; charset=utf-8',
  },
  Parquet: { clickhouse: 'Parquet', contentType: 'application/vnd.apache.parquet' },
};

export type FormatResult = { ok: true; format: OutputFormat } | { ok: false; errors: ParamError[] };

/** Reads `?format=` (default JSONEachRow); any other parameter is an error. */
export function parseSqlQuery(query: unknown): FormatResult {
  const params = (query ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(params).filter((key) => key !== 'format');
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: unknown.map((param) => ({ param, rule: 'is not a known parameter (format)' })),
    };
  }
  const given = params.format ?? 'JSONEachRow';
  if (typeof given !== 'string' || !(SQL_FORMATS as readonly string[]).includes(given)) {
    return {
      ok: false,
      errors: [{ param: 'format', rule: `must be one of ${SQL_FORMATS.join(', ')}` }],
    };
  }
  return { ok: true, format: OUTPUT[given as SqlFormat] };
}
