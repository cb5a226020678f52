/**
 * What one accepted edX request writes: every event as a LearningEvent (source edx, unknown
 * names kept as action `other`, anonymous ones flagged) and, for events Open edX's
 * event-routing-backends turns into xAPI, those statements as the LRS stores them (normalised,
 * the sending credential as authority, `stored` = receive time, same UUIDv5 ids as Open edX).
 * Only the stored-statement records are written for them: the edX event already is the
 * LearningEvent, and the statement's own would count the action twice. Pure.
 */
import { type LearningEvent } from '@learnpulse/events';
import { learningEventRecords, type ProducerRecord } from '@learnpulse/kafka';
import { type EdxEvent } from './edx-event.types';
import { mapEdxEventToLearningEvent } from './edx-to-learning-event.mapper';
import { mapEdxEventToXapi } from './edx-to-xapi.mapper';
import { type LearnerIdentifierProvider } from './learner-identifier';
import { type CourseMetadataLookup } from './xapi/edx-xapi.types';
import {
  credentialAuthority,
  normaliseStatement,
  type StoredXapiStatement,
  storedStatementRecords,
  validateStatement,
  type XapiStatement,
} from '@learnpulse/xapi';

export interface EdxRecordOptions {
  readonly credential: { tenant: string; key: string };
  /** When the request arrived, epoch ms: LearningEvent receivedAt and statement `stored`. */
  readonly receivedAt: number;
  readonly learnerIds: LearnerIdentifierProvider;
  readonly courses: CourseMetadataLookup;
  /** The tenant's LMS root URL for the statements' IRIs; undefined: from each event's host. */
  readonly lmsRootUrl?: string | undefined;
}

export interface EdxRecordCounts {
  /** Events accepted (each one LearningEvent). */
  readonly accepted: number;
  /** xAPI statements written to xapi.statements.v1. */
  readonly statements: number;
  /** Events whose name no mapping rule knows (action `other`). */
  readonly unknown: number;
  /** Events of no logged-in user (flagged `learnerAnonymous`). */
  readonly anonymous: number;
  /**
   * Derived statements that are not valid xAPI (Open edX writes a few: a special-exam grouping
   * id that is no IRI, a problem_check object without id); the LRS would refuse them, so they are
   * left out while their events are still kept.
   */
  readonly invalidStatements: number;
}

export interface EdxRecords {
  readonly records: ProducerRecord[];
  readonly counts: EdxRecordCounts;
}

/** The statements event-routing-backends would send for the event, as the LRS stores them. */
function storedStatements(
  event: EdxEvent,
  options: EdxRecordOptions,
): { stored: StoredXapiStatement[]; invalid: number } {
  const mapped = mapEdxEventToXapi(event, {
    learnerIds: options.learnerIds,
    courses: options.courses,
    lmsRootUrl: options.lmsRootUrl,
  });
  if (mapped === null) return { stored: [], invalid: 0 };
  const stored: StoredXapiStatement[] = [];
  let invalid = 0;
  const normalise = {
    authority: credentialAuthority(options.credential),
    stored: new Date(options.receivedAt),
    version: '1.0.3' as const,
  };
  for (const statement of Array.isArray(mapped) ? mapped : [mapped]) {
    // event-routing-backends writes xAPI 1.0.3.
    if (validateStatement(statement, { version: '1.0.3' }).length > 0) {
      invalid += 1;
      continue;
    }
    // Validated above: the mapper's JSON shape is a statement the xAPI rules accept.
    stored.push(normaliseStatement(statement as unknown as XapiStatement, normalise));
  }
  return { stored, invalid };
}

export function edxEventRecords(
  events: readonly EdxEvent[],
  options: EdxRecordOptions,
): EdxRecords {
  const tenant = options.credential.tenant;
  const learningEvents: LearningEvent[] = [];
  const statements: StoredXapiStatement[] = [];
  let unknown = 0;
  let anonymous = 0;
  let invalidStatements = 0;
  for (const event of events) {
    const mapped = mapEdxEventToLearningEvent(event, {
      tenant,
      receivedAt: options.receivedAt,
      learnerIds: options.learnerIds,
    });
    learningEvents.push(mapped.event);
    if (!mapped.known) unknown += 1;
    if (mapped.event.learnerAnonymous) anonymous += 1;
    const { stored, invalid } = storedStatements(event, options);
    statements.push(...stored);
    invalidStatements += invalid;
  }
  const records = [learningEventRecords(learningEvents)];
  if (statements.length > 0) records.push(storedStatementRecords(tenant, statements));
  return {
    records,
    counts: {
      accepted: events.length,
      statements: statements.length,
      unknown,
      anonymous,
      invalidStatements,
    },
  };
}
