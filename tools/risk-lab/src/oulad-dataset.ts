/**
 * The static side of an OULAD folder: its module-presentations (length, assessment calendar)
 * and enrolments (registration facts). Course metadata and registration facts are known in
 * advance, so the replay may use them; final results are read separately (oulad-labels).
 */
import { ouladCourseId, ouladDayToEpochMs, parseOuladStartDate } from '@learnpulse/mappers';
import { type CourseCalendar } from '@learnpulse/risk';
import { readTable } from './oulad-tables.reader';

export interface OuladCourse {
  courseId: string;
  codeModule: string;
  codePresentation: string;
  lengthDays: number;
  calendar: CourseCalendar;
}

export interface OuladEnrolment {
  courseId: string;
  codeModule: string;
  codePresentation: string;
  idStudent: string;
  registeredDay: number | null;
  unregisteredDay: number | null;
}

export interface OuladDataset {
  folder: string;
  tenant: string;
  /** Day 0 of every presentation, epoch ms (the dataset gives no calendar dates). */
  startDate: number;
  courses: Map<string, OuladCourse>;
  enrolments: OuladEnrolment[];
}

/** The default day 0: OULAD "J" presentations start in October. */
export const DEFAULT_OULAD_START_DATE = '2013-10-01';
export const DEFAULT_OULAD_TENANT = 'oulad';

function optionalDay(text: string | undefined): number | null {
  const value = text?.trim() ?? '';
  return value === '' ? null : Number(value);
}

export async function loadOuladDataset(
  folder: string,
  options: { tenant?: string; startDate?: string } = {},
): Promise<OuladDataset> {
  const startText = options.startDate ?? DEFAULT_OULAD_START_DATE;
  const startDate = parseOuladStartDate(startText);
  if (startDate === null) throw new Error(`start date must be YYYY-MM-DD, got ${startText}`);
  const courses = new Map<string, OuladCourse>();
  for (const row of await readTable(folder, 'courses')) {
    const codeModule = row['code_module'] ?? '';
    const codePresentation = row['code_presentation'] ?? '';
    const courseId = ouladCourseId(codeModule, codePresentation);
    const lengthDays = Number(row['module_presentation_length']);
    courses.set(courseId, {
      courseId,
      codeModule,
      codePresentation,
      lengthDays,
      calendar: { courseId, startAt: startDate, lengthDays, assessments: [] },
    });
  }
  for (const row of await readTable(folder, 'assessments')) {
    const course = courses.get(
      ouladCourseId(row['code_module'] ?? '', row['code_presentation'] ?? ''),
    );
    if (course === undefined) continue;
    const due = optionalDay(row['date']);
    const weight = optionalDay(row['weight']);
    course.calendar.assessments.push({
      objectId: row['id_assessment'] ?? '',
      objectType: (row['assessment_type'] ?? '').toLowerCase(),
      dueAt: due === null ? null : ouladDayToEpochMs(startDate, due),
      weight,
    });
  }
  const enrolments: OuladEnrolment[] = [];
  for (const row of await readTable(folder, 'studentRegistration')) {
    const codeModule = row['code_module'] ?? '';
    const codePresentation = row['code_presentation'] ?? '';
    enrolments.push({
      courseId: ouladCourseId(codeModule, codePresentation),
      codeModule,
      codePresentation,
      idStudent: row['id_student'] ?? '',
      registeredDay: optionalDay(row['date_registration']),
      unregisteredDay: optionalDay(row['date_unregistration']),
    });
  }
  return { folder, tenant: options.tenant ?? DEFAULT_OULAD_TENANT, startDate, courses, enrolments };
}

/** A cutoff as given on the command line: a day (`14`) or a share of each course's length (`25%`). */
export type CutoffSpec = { kind: 'day'; day: number } | { kind: 'percent'; percent: number };

export function parseCutoff(text: string): CutoffSpec {
  const value = text.trim();
  if (/^\d+(\.\d+)?%$/.test(value)) return { kind: 'percent', percent: Number(value.slice(0, -1)) };
  if (/^-?\d+$/.test(value)) return { kind: 'day', day: Number(value) };
  throw new Error(`cutoff must be a day (14) or a percentage (25%), got ${JSON.stringify(text)}`);
}

/** The cutoff day of a course: floor(P/100 × length) for a percentage, as oulad_auc.py does. */
export function cutoffDay(spec: CutoffSpec, course: OuladCourse): number {
  return spec.kind === 'day' ? spec.day : Math.floor((spec.percent / 100) * course.lengthDays);
}

/** Whether an enrolment is scored at cutoff day D: registered by D and not unregistered before D. */
export function isEligibleAt(enrolment: OuladEnrolment, day: number): boolean {
  if (enrolment.unregisteredDay !== null && enrolment.unregisteredDay < day) return false;
  return enrolment.registeredDay === null || enrolment.registeredDay <= day;
}
