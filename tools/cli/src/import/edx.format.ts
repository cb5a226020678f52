/**
 * `import edx`: Open edX tracking logs, one event per line (`tracking.log`, `.log.gz`, the
 * nightly `.gpg` packages) or a JSON array. Each event becomes exactly what
 * `POST /edx/events` of clickstream-gateway writes for it (edxEventRecords): its LearningEvent
 * and, where Open edX's event-routing-backends has a transformer, the xAPI statements as the
 * LRS stores them, with Open edX's own UUIDv5 statement ids; learners pseudonymised with
 * LEARNER_PSEUDONYM_KEY exactly as the gateway does, so live and imported events of one
 * learner meet. Event ids are stable, so a re-import counts once downstream.
 */
import {
  type CourseMetadataLookup,
  edxEventRecords,
  edxLearnerPseudonyms,
  NO_COURSE_METADATA,
  parseEdxEvent,
} from '@learnpulse/mappers';
import {
  type ImportFormat,
  type ImportRun,
  ImportUsageError,
  type MapResult,
  type SourceRecord,
} from './import-format';

/** The credential the importer's statements name as authority (statements/read/mine sees them). */
export const IMPORT_CREDENTIAL_KEY = 'learnpulse-import';

export function edxRecordMapper(
  run: Pick<ImportRun, 'tenant' | 'receivedAt' | 'config'>,
  courses: CourseMetadataLookup = NO_COURSE_METADATA,
): (record: SourceRecord) => MapResult {
  const key = run.config.LEARNER_PSEUDONYM_KEY;
  if (key === undefined) {
    throw new ImportUsageError(
      'LEARNER_PSEUDONYM_KEY is not set: edX learners are pseudonymised with it (use the same key as clickstream-gateway)',
    );
  }
  const learnerIds = edxLearnerPseudonyms(key, run.tenant);
  const lmsRootUrl = run.config.EDX_LMS_ROOT_URLS.find(({ tenant }) => tenant === run.tenant)?.url;
  return (record) => {
    const parsed = parseEdxEvent(record.value, record.raw);
    if (!parsed.ok) return { errors: [...parsed.errors] };
    const { records } = edxEventRecords([parsed.event], {
      credential: { tenant: run.tenant, key: IMPORT_CREDENTIAL_KEY },
      receivedAt: run.receivedAt,
      learnerIds,
      courses,
      lmsRootUrl,
    });
    return { records };
  };
}

export const edxFormat: ImportFormat = {
  name: 'edx',
  description: 'Open edX tracking-log events: one per line (.log, .ndjson) or a JSON array (.json)',
  syntaxes: ['json-lines', 'json-document'],
  mapsInWorkers: true,
  prepare: (run) => {
    const mapRecord = edxRecordMapper(run);
    return Promise.resolve({
      identity: 'edx',
      imports: () => true,
      mapperFor: () => ({ mapRecord }),
    });
  },
};
