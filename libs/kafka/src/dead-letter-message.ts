/**
 * The dead-letter record of a source record a consumer could not process: same key, original
 * bytes, the source's own string headers, and where it came from and why (`x-error`,
 * `x-source-topic`, `x-source-partition`, `x-source-offset`).
 */
import { type ProducerMessage } from './reliable-producer';

const MAX_ERROR_HEADER_CHARS = 2000;

export interface FailedRecord {
  topic: string;
  partition: number;
  offset: number | string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, unknown> | undefined;
  error: unknown;
}

/** `Name: message`, capped so a huge error cannot make the record too large. */
export function errorHeaderText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_HEADER_CHARS ? `${text.slice(0, MAX_ERROR_HEADER_CHARS)}…` : text;
}

export function failedRecordMessage(record: FailedRecord): ProducerMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    if (typeof value === 'string') headers[name] = value;
    else if (Buffer.isBuffer(value)) headers[name] = value.toString('utf8');
  }
  headers['x-error'] = errorHeaderText(record.error);
  headers['x-source-topic'] = record.topic;
  headers['x-source-partition'] = String(record.partition);
  headers['x-source-offset'] = String(record.offset);
  return {
    key: record.key?.toString('utf8') ?? '',
    value: record.value ?? Buffer.alloc(0),
    headers,
  };
}
