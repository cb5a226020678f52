/**
 * Replays an OULAD folder into learner-course states the way the live engine builds them: each
 * row goes through the importer's mappers (@learnpulse/mappers, as `import csv --format oulad`)
 * to LearningEvents, and each event through @learnpulse/risk's applyEvent.
 */
import { type LearningEvent } from '@learnpulse/events';
import {
  addOuladAssessment,
  addOuladSite,
  emptyOuladLookups,
  mapOuladRow,
  OULAD_EVENT_TABLES,
  type OuladLookups,
} from '@learnpulse/mappers';
import { applyEvent, createLearnerState, type LearnerCourseState } from '@learnpulse/risk';
import { type OuladDataset } from './oulad-dataset';
import { readTable, tableRows } from './oulad-tables.reader';

export interface ReplayOptions {
  /** Events of a course at or after this time are not applied (default: every event is). */
  before?: (courseId: string) => number;
}

export interface OuladReplay {
  /** One state per enrolment, by enrolmentKey. */
  states: Map<string, LearnerCourseState>;
  /** Events applied. */
  applied: number;
  /** Rows the mappers rejected. */
  rejected: number;
}

/** Key of an enrolment in the replay's maps. */
export function enrolmentKey(courseId: string, idStudent: string): string {
  return `${courseId}|${idStudent}`;
}

async function loadLookups(folder: string): Promise<OuladLookups> {
  const lookups = emptyOuladLookups();
  for (const row of await readTable(folder, 'vle')) addOuladSite(lookups, row);
  for (const row of await readTable(folder, 'assessments')) addOuladAssessment(lookups, row);
  return lookups;
}

export async function replayOulad(
  dataset: OuladDataset,
  options: ReplayOptions = {},
): Promise<OuladReplay> {
  const states = new Map<string, LearnerCourseState>();
  for (const enrolment of dataset.enrolments) {
    states.set(
      enrolmentKey(enrolment.courseId, enrolment.idStudent),
      createLearnerState({
        tenant: dataset.tenant,
        learnerId: enrolment.idStudent,
        courseId: enrolment.courseId,
      }),
    );
  }
  const lookups = await loadLookups(dataset.folder);
  const replay: OuladReplay = { states, applied: 0, rejected: 0 };
  const apply = (event: LearningEvent): void => {
    if (event.courseId === null) return;
    if (options.before !== undefined && event.occurredAt >= options.before(event.courseId)) return;
    const state = states.get(enrolmentKey(event.courseId, event.learnerId));
    if (state !== undefined && applyEvent(state, event) === 'applied') replay.applied += 1;
  };
  for (const table of OULAD_EVENT_TABLES) {
    for await (const { line, row } of tableRows(dataset.folder, table)) {
      const ctx = { tenant: dataset.tenant, startDate: dataset.startDate, receivedAt: 0, line };
      const result = mapOuladRow(table, row, ctx, lookups);
      if ('errors' in result) replay.rejected += 1;
      else result.events.forEach(apply);
    }
  }
  return replay;
}
