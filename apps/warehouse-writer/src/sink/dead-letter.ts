/** The dead-letter record of a source record the sink could not store. */
import { type ProducerMessage } from '@learnpulse/kafka';

const MAX_ERROR_HEADER_CHARS = 2000;

export interface UndecodableRecord {
  topic: string;
  partition: number;
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, unknown> | undefined;
  error: unknown;
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_HEADER_CHARS ? `${text.slice(0, MAX_ERROR_HEADER_CHARS)}…` : text;
}

/** Same key and original bytes; the source's own string headers are kept, ours added. */
export function deadLetterMessage(record: UndecodableRecord): ProducerMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    if (typeof value === 'string') headers[name] = value;
    else if (Buffer.isBuffer(value)) headers[name] = value.toString('utf8');
  }
  headers['x-error'] = errorText(record.error);
  headers['x-source-topic'] = record.topic;
  headers['x-source-partition'] = String(record.partition);
  headers['x-source-offset'] = String(record.offset);
  return {
    key: record.key?.toString('utf8') ?? '',
    value: record.value ?? Buffer.alloc(0),
    headers,
  };
}
