/**
 * studentVle (joined with vle) → one `viewed` event per row: a student's clicks on one site on
 * one day. The object is the site (id_site, typed by vle.activity_type); the click count goes
 * into the payload as `clicks`, next to the original row.
 */
import { ouladDayToEpochMs } from './oulad-dates';
import { dayOffset, positiveCount, requiredText } from './oulad-fields';
import { ouladCourseId, ouladEventId } from './oulad-ids';
import { type OuladLookups } from './oulad-lookups';
import {
  type OuladMappingContext,
  type OuladMappingError,
  type OuladMappingResult,
  type OuladRow,
} from './oulad-mapping.types';

const TABLE = 'studentVle';

export function mapOuladVle(
  row: OuladRow,
  ctx: OuladMappingContext,
  lookups: OuladLookups,
): OuladMappingResult {
  const errors: OuladMappingError[] = [];
  const codeModule = requiredText(row, 'code_module', errors);
  const presentation = requiredText(row, 'code_presentation', errors);
  const student = requiredText(row, 'id_student', errors);
  const siteId = requiredText(row, 'id_site', errors);
  const day = dayOffset(row, 'date', errors);
  const clicks = positiveCount(row, 'sum_click', errors);
  const courseId = ouladCourseId(codeModule, presentation);
  const site = lookups.sites.get(siteId);
  if (siteId !== '' && site === undefined) {
    errors.push({ path: 'id_site', rule: 'must be a site of vle.csv' });
  } else if (site !== undefined && site.courseId !== courseId) {
    errors.push({
      path: 'id_site',
      rule: `must be a site of ${courseId} (it is of ${site.courseId})`,
    });
  }
  if (errors.length > 0 || day === null || site === undefined) return { errors };

  return {
    events: [
      {
        // The dataset keeps genuinely repeated rows (same student, site, day), so the row's
        // line joins its content in the identity: each row counts once, repeats included.
        eventId: ouladEventId(ctx.tenant, TABLE, [
          codeModule,
          presentation,
          student,
          siteId,
          String(day),
          String(ctx.line),
        ]),
        tenant: ctx.tenant,
        source: 'csv',
        learnerId: student,
        learnerAnonymous: false,
        courseId,
        objectId: siteId,
        objectType: site.activityType,
        action: 'viewed',
        score: null,
        occurredAt: ouladDayToEpochMs(ctx.startDate, day),
        receivedAt: ctx.receivedAt,
        payload: JSON.stringify({ table: TABLE, clicks, row }),
      },
    ],
  };
}
