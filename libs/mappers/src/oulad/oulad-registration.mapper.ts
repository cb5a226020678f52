/**
 * studentRegistration → `enrolled` on date_registration and, when the student left,
 * `unenrolled` on date_unregistration. The object is the course itself.
 *
 * A few rows of the dataset have no registration date (students who left before the start):
 * no date is invented for them, so they give only their `unenrolled` event. A row with
 * neither date says nothing datable and is rejected.
 */
import { type LearningEvent } from '@learnpulse/events';
import { ouladDayToEpochMs } from './oulad-dates';
import { dayOffset, requiredText } from './oulad-fields';
import { ouladCourseId, ouladEventId } from './oulad-ids';
import {
  type OuladMappingContext,
  type OuladMappingError,
  type OuladMappingResult,
  type OuladRow,
} from './oulad-mapping.types';

const TABLE = 'studentRegistration';

export function mapOuladRegistration(row: OuladRow, ctx: OuladMappingContext): OuladMappingResult {
  const errors: OuladMappingError[] = [];
  const codeModule = requiredText(row, 'code_module', errors);
  const presentation = requiredText(row, 'code_presentation', errors);
  const student = requiredText(row, 'id_student', errors);
  const registered = dayOffset(row, 'date_registration', errors, { optional: true });
  const unregistered = dayOffset(row, 'date_unregistration', errors, { optional: true });
  if (errors.length === 0 && registered === null && unregistered === null) {
    errors.push({
      path: 'date_registration',
      rule: 'is required when date_unregistration is empty',
    });
  }
  if (errors.length > 0) return { errors };

  const courseId = ouladCourseId(codeModule, presentation);
  const payload = JSON.stringify({ table: TABLE, row });
  const event = (action: 'enrolled' | 'unenrolled', day: number): LearningEvent => ({
    eventId: ouladEventId(ctx.tenant, TABLE, [codeModule, presentation, student, action]),
    tenant: ctx.tenant,
    source: 'csv',
    learnerId: student,
    learnerAnonymous: false, // OULAD ids are pseudonymous already, but name one student
    courseId,
    objectId: courseId,
    objectType: 'course',
    action,
    score: null,
    occurredAt: ouladDayToEpochMs(ctx.startDate, day),
    receivedAt: ctx.receivedAt,
    payload,
  });
  const events: LearningEvent[] = [];
  if (registered !== null) events.push(event('enrolled', registered));
  if (unregistered !== null) events.push(event('unenrolled', unregistered));
  return { events };
}
