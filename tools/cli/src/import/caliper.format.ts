/**
 * `import caliper`: Caliper 1.1 / 1.2 sensor envelopes or bare events, one per line or in a
 * JSON array. Each is validated as `POST /caliper` validates an envelope (the JSON text is
 * re-read with parseCaliperJson so decimal literals are checked too) and its events become
 * LearningEvents keyed by their own `urn:uuid:` ids, so a re-import counts once. Entities
 * alone (no event) describe things, not learner actions: refused with a clear rule.
 */
import {
  type CaliperEnvelope,
  type CaliperEvent,
  mapCaliperEnvelope,
  mapCaliperEventToLearningEvent,
  type LearnerPseudonyms,
  parseCaliperJson,
  pseudonymiseLearningEvent,
  validateCaliperDocument,
} from '@learnpulse/mappers';
import { learningEventRecords } from '@learnpulse/kafka';
import { type ImportFormat, type MapResult, type SourceRecord } from './import-format';
import { importPseudonyms } from './import-pseudonyms';

export function mapCaliperRecord(
  record: SourceRecord,
  tenant: string,
  receivedAt: number,
  pseudonymOf: LearnerPseudonyms,
): MapResult {
  const parsed = parseCaliperJson(record.raw);
  if (!parsed.ok) return { errors: [...parsed.errors] };
  const report = validateCaliperDocument(parsed.value);
  if (report.errors.length > 0) return { errors: [...report.errors] };
  const options = { tenant, receivedAt };
  switch (report.kind) {
    case 'envelope': {
      const { events } = mapCaliperEnvelope(parsed.value as CaliperEnvelope, options);
      if (events.length === 0) {
        return { errors: [{ path: 'data', rule: 'must hold at least one event to import' }] };
      }
      return {
        records: [
          learningEventRecords(
            events.map((event) => pseudonymiseLearningEvent(event, pseudonymOf)),
          ),
        ],
      };
    }
    case 'event':
      return {
        records: [
          learningEventRecords([
            pseudonymiseLearningEvent(
              mapCaliperEventToLearningEvent(parsed.value as CaliperEvent, options),
              pseudonymOf,
            ),
          ]),
        ],
      };
    default:
      return {
        errors: [
          {
            path: 'record',
            rule: `must be a Caliper envelope or event (this is ${report.kind ?? 'not a Caliper document'})`,
          },
        ],
      };
  }
}

export const caliperFormat: ImportFormat = {
  name: 'caliper',
  description:
    'Caliper 1.1/1.2 envelopes or events: one per line (.ndjson) or a JSON array (.json)',
  syntaxes: ['json-lines', 'json-document'],
  mapsInWorkers: true,
  prepare: (run) => {
    const pseudonymOf = importPseudonyms(run);
    return Promise.resolve({
      identity: 'caliper',
      imports: () => true,
      mapperFor: () => ({
        mapRecord: (record) => mapCaliperRecord(record, run.tenant, run.receivedAt, pseudonymOf),
      }),
    });
  },
};
