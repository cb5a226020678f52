/**
 * What a course's organisers know in advance: its start, its length and its assessments' due
 * dates. Optional everywhere: without it, the cohort view infers due dates from when the cohort
 * submitted (see buildCohort). The OULAD replay builds it from courses.csv and assessments.csv.
 */
export interface CalendarAssessment {
  /** The object id the assessment's submissions carry (LearningEvent.objectId). */
  objectId: string;
  /** e.g. tma, cma, quiz. */
  objectType: string;
  /** Due time, epoch ms; null when the calendar gives none (e.g. an OULAD exam). */
  dueAt: number | null;
  /** Weight in the course's grade, 0..100, when known. */
  weight: number | null;
}

export interface CourseCalendar {
  courseId: string;
  /** Day 0 of the course, epoch ms at 00:00 UTC; null when unknown. */
  startAt: number | null;
  /** Length in days; null when unknown. */
  lengthDays: number | null;
  assessments: CalendarAssessment[];
}
