/**
 * The xapi.statements.v1 value: one stored xAPI statement as JSON text, with the tenant, the
 * LRS stored time and authority. JSON rather than Avro because the statement itself is an
 * open JSON document that the LRS must return exactly as stored.
 */
import { z } from 'zod';
import { type SchemaIssue, SchemaDecodeError, SchemaEncodeError } from './schema-errors';

const XAPI_STATEMENTS_SUBJECT = 'xapi.statements.v1';

/**
 * A JSON object, checked without copying it: z.record walked and copied every member of the
 * statement on each encode and decode, a noticeable part of the LRS write path's CPU.
 */
const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'must be a JSON object' },
);

export const storedStatementSchema = z
  .object({
    tenant: z.string().min(1, 'must not be empty'),
    statementId: z.uuid('must be a UUID'),
    stored: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' }),
    authority: jsonObject,
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must be an xAPI version such as 2.0.0'),
    statement: jsonObject,
  })
  .refine(
    (record) =>
      typeof record.statement.id !== 'string' ||
      record.statement.id.toLowerCase() === record.statementId.toLowerCase(),
    { path: ['statement', 'id'], message: 'must equal statementId' },
  );

export type StoredStatementRecord = z.infer<typeof storedStatementSchema>;

function toIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function validated(record: StoredStatementRecord): StoredStatementRecord {
  const parsed = storedStatementSchema.safeParse(record);
  if (!parsed.success) {
    const [first, ...rest] = toIssues(parsed.error);
    throw new SchemaEncodeError(
      XAPI_STATEMENTS_SUBJECT,
      first === undefined ? [{ field: '', message: 'invalid' }] : [first, ...rest],
    );
  }
  return parsed.data;
}

/** Validates and serialises a record; throws SchemaEncodeError naming the first bad field. */
export function encodeStoredStatement(record: StoredStatementRecord): Buffer {
  return Buffer.from(JSON.stringify(validated(record)), 'utf8');
}

/**
 * The same bytes as encodeStoredStatement, given `statementJson` = JSON.stringify(record.statement)
 * made already (the LearningEvent payload of the same statement): the statement, most of the
 * record, is not serialised a second time.
 */
export function encodeStoredStatementWithJson(
  record: StoredStatementRecord,
  statementJson: string,
): Buffer {
  const { tenant, statementId, stored, authority, version } = validated(record);
  const head = JSON.stringify({ tenant, statementId, stored, authority, version });
  return Buffer.from(`${head.slice(0, -1)},"statement":${statementJson}}`, 'utf8');
}

/** Parses and validates a record; throws SchemaDecodeError naming the first bad field. */
export function decodeStoredStatement(buf: Buffer): StoredStatementRecord {
  let json: unknown;
  try {
    json = JSON.parse(buf.toString('utf8'));
  } catch (error) {
    throw new SchemaDecodeError(`${XAPI_STATEMENTS_SUBJECT} value is not JSON`, { cause: error });
  }
  const parsed = storedStatementSchema.safeParse(json);
  if (!parsed.success) {
    const [first] = toIssues(parsed.error);
    const field = first?.field ?? '';
    throw new SchemaDecodeError(
      `invalid ${XAPI_STATEMENTS_SUBJECT} value: ${field === '' ? '' : `${field}: `}${first?.message ?? 'invalid'}`,
      { field },
    );
  }
  return parsed.data;
}
