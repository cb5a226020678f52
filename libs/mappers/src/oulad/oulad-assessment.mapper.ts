/**
 * studentAssessment (joined with assessments) → `submitted` on date_submitted, with the score
 * (raw = score, min 0, max 100, scaled = score / 100) when the row has one.
 */
import { type Score } from '@learnpulse/events';
import { ouladDayToEpochMs } from './oulad-dates';
import { dayOffset, percentScore, requiredText } from './oulad-fields';
import { ouladEventId } from './oulad-ids';
import { type OuladLookups } from './oulad-lookups';
import {
  type OuladMappingContext,
  type OuladMappingError,
  type OuladMappingResult,
  type OuladRow,
} from './oulad-mapping.types';

const TABLE = 'studentAssessment';

function toScore(percent: number | null): Score | null {
  if (percent === null) return null;
  return { raw: percent, min: 0, max: 100, scaled: percent / 100 };
}

export function mapOuladAssessment(
  row: OuladRow,
  ctx: OuladMappingContext,
  lookups: OuladLookups,
): OuladMappingResult {
  const errors: OuladMappingError[] = [];
  const assessmentId = requiredText(row, 'id_assessment', errors);
  const student = requiredText(row, 'id_student', errors);
  const day = dayOffset(row, 'date_submitted', errors);
  const percent = percentScore(row, 'score', errors);
  const assessment = lookups.assessments.get(assessmentId);
  if (assessmentId !== '' && assessment === undefined) {
    errors.push({ path: 'id_assessment', rule: 'must be an assessment of assessments.csv' });
  }
  if (errors.length > 0 || day === null || assessment === undefined) return { errors };

  return {
    events: [
      {
        // One result per student and assessment in the dataset: that pair is the identity.
        eventId: ouladEventId(ctx.tenant, TABLE, [assessmentId, student]),
        tenant: ctx.tenant,
        source: 'csv',
        learnerId: student,
        learnerAnonymous: false,
        courseId: assessment.courseId,
        objectId: assessmentId,
        objectType: assessment.assessmentType,
        action: 'submitted',
        score: toScore(percent),
        occurredAt: ouladDayToEpochMs(ctx.startDate, day),
        receivedAt: ctx.receivedAt,
        payload: JSON.stringify({ table: TABLE, row }),
      },
    ],
  };
}
