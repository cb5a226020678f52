/**
 * A record's text to what a format maps: the JSON readers and the mapping workers parse the
 * same way, and a record that is not readable (or whose mapper throws) becomes its errors,
 * never a failed run.
 */
import {
  type FileMapper,
  type MapResult,
  type RecordError,
  type RecordSyntax,
  type SourceRecord,
} from './import-format';

/**
 * The record of one JSON text; `value` is undefined when the text is not JSON, or when `parse`
 * is false (the reader was opened for the mapping workers, which parse the text there).
 */
export function jsonSourceRecord(line: number, raw: string, parse = true): SourceRecord {
  if (!parse) return { line, raw, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the pipeline rejects it and the run goes on.
    value = undefined;
  }
  return { line, raw, value };
}

const NOT_READABLE: Record<RecordSyntax, RecordError> = {
  'json-lines': { path: '', rule: 'must be JSON' },
  'json-document': { path: '', rule: 'must be JSON' },
  csv: { path: '', rule: 'must be a CSV row' },
};

/** What the format makes of one record read from a file of the given syntax. */
export function mapSourceRecord(
  mapper: FileMapper,
  record: SourceRecord,
  syntax: RecordSyntax,
): MapResult {
  if (record.value === undefined) return { errors: [NOT_READABLE[syntax]] };
  try {
    return mapper.mapRecord(record);
  } catch (error) {
    // A mapper bug on one odd record must not end the run: the record is reported instead.
    return {
      errors: [
        {
          path: '',
          rule: `could not be mapped: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}
