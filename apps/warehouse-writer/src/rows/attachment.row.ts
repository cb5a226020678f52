/**
 * An attachment record of xapi.attachments.v1 (key tenant:sha2, raw bytes, content-type
 * header) as an `xapi_attachments_ingest` row (see libs/clickhouse/migrations/0006): the bytes
 * travel as base64 and the table's view decodes them into `xapi_attachments`.
 */
import { createHash } from 'node:crypto';
import { type IHeaders } from 'kafkajs';
import { RowMappingError } from './row-mapping';

export interface AttachmentRow extends Record<string, unknown> {
  tenant: string;
  sha2: string;
  content_type: string;
  content_base64: string;
}

/** The parts of a Kafka record besides its value that a row may need. */
export interface KafkaRecordMeta {
  key: Buffer | string | null;
  headers?: IHeaders;
}

const HASH_BY_HEX_LENGTH: Record<number, string> = {
  56: 'sha224',
  64: 'sha256',
  96: 'sha384',
  128: 'sha512',
};

function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Throws RowMappingError for a record whose key, header or hash does not hold. */
export function attachmentRow(value: Buffer, record: KafkaRecordMeta): AttachmentRow {
  const key = record.key?.toString() ?? '';
  const separator = key.lastIndexOf(':');
  const tenant = key.slice(0, Math.max(0, separator));
  const sha2 = key.slice(separator + 1).toLowerCase();
  if (separator <= 0 || tenant === '') throw new RowMappingError('key is not tenant:sha2');
  const algorithm = HASH_BY_HEX_LENGTH[sha2.length];
  if (algorithm === undefined || createHash(algorithm).update(value).digest('hex') !== sha2) {
    throw new RowMappingError('the key sha2 is not the SHA-2 of the content');
  }
  const contentType = headerText(record.headers, 'content-type');
  if (contentType === undefined || contentType === '') {
    throw new RowMappingError('the record has no content-type header');
  }
  return { tenant, sha2, content_type: contentType, content_base64: value.toString('base64') };
}
