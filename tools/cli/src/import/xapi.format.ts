/**
 * `import xapi`: each line or array item is an xAPI statement. It is validated like the LRS
 * validates a POST, normalised with the importing tenant as authority, and written as exactly
 * the records the LRS writes (statementRecords), so imported and POSTed statements are alike.
 *
 * A statement without an id gets a UUIDv5 of its content (statementEventId) instead of the
 * LRS's random one: importing the same line again gives the same id and Kafka key, and
 * downstream counts it once. Unlike the LRS, the importer looks nothing up in the statement
 * store: a re-used id with other content, or voiding of a voiding statement, is not refused
 * here (the first record of an id wins downstream).
 */
import {
  learningEventOfStatement,
  type LearnerPseudonyms,
  pseudonymiseLearningEvent,
} from '@learnpulse/mappers';
import { type XapiSpecVersion } from '@learnpulse/xapi';
import {
  lrsAuthority,
  normaliseStatement,
  statementEventId,
  statementRecords,
  validateStatement,
  type XapiStatement,
} from '@learnpulse/xapi';
import {
  type ImportFormat,
  type MapResult,
  type RecordError,
  type SourceRecord,
} from './import-format';
import { importPseudonyms } from './import-pseudonyms';

/** Statements that say they are 1.0.x follow 1.0.3's rules, as with the LRS's version header. */
function versionOf(value: unknown): XapiSpecVersion {
  const version =
    typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  return typeof version === 'string' && version.startsWith('1.0') ? '1.0.3' : '2.0.0';
}

/**
 * Attachment data travels in multipart parts next to a POST; a file has no such parts, so only
 * attachments that point to their data (fileUrl) can be imported.
 */
function attachmentErrors(statement: XapiStatement): RecordError[] {
  const errors: RecordError[] = [];
  (statement.attachments ?? []).forEach((attachment, index) => {
    const fileUrl =
      typeof attachment === 'object' && attachment !== null && 'fileUrl' in attachment
        ? attachment.fileUrl
        : undefined;
    if (typeof fileUrl !== 'string') {
      errors.push({
        path: `statement.attachments[${index}].fileUrl`,
        rule: 'is required in an import (attachment data cannot travel in a file)',
      });
    }
  });
  return errors;
}

export function mapXapiRecord(
  record: SourceRecord,
  tenant: string,
  receivedAt: number,
  pseudonymOf: LearnerPseudonyms,
): MapResult {
  const version = versionOf(record.value);
  const errors = validateStatement(record.value, { version });
  if (errors.length > 0) return { errors };
  const statement = record.value as XapiStatement;
  const attachmentProblems = attachmentErrors(statement);
  if (attachmentProblems.length > 0) return { errors: attachmentProblems };
  const identified =
    statement.id === undefined
      ? { ...statement, id: statementEventId(tenant, statement) }
      : statement;
  const normalised = normaliseStatement(identified, {
    authority: lrsAuthority(tenant),
    stored: new Date(receivedAt),
    version,
  });
  // The LRS stores ids in lower case (UUIDs compare case-insensitively).
  const stored = { ...normalised, id: normalised.id.toLowerCase() };
  return {
    records: statementRecords(tenant, [stored], receivedAt, (owner, value, at) =>
      pseudonymiseLearningEvent(learningEventOfStatement(owner, value, at), pseudonymOf),
    ),
  };
}

export const xapiFormat: ImportFormat = {
  name: 'xapi',
  description: 'xAPI statements: one per line (.ndjson, .log) or a JSON array (.json)',
  syntaxes: ['json-lines', 'json-document'],
  mapsInWorkers: true,
  prepare: (run) => {
    const pseudonymOf = importPseudonyms(run);
    return Promise.resolve({
      identity: 'xapi',
      imports: () => true,
      mapperFor: () => ({
        mapRecord: (record) => mapXapiRecord(record, run.tenant, run.receivedAt, pseudonymOf),
      }),
    });
  },
};
