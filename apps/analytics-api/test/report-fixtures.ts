/**
 * A small course for the report specs, with every number the reports should give worked out
 * by hand in the specs: two tenants with the same course id, views, completions, scores,
 * videos, enrolments, and risk assessments.
 */
import { toDateTime64 } from '@learnpulse/clickhouse';
import type { LearningEvent } from '@learnpulse/events';
import { randomUUID } from 'node:crypto';
import type { AnalyticsTestApp } from './analytics-test-app';
import { learningEvent } from './analytics-test-app';

export const COURSE = 'https://lms.example.edu/course/DATA101';
export const OTHER_COURSE = 'https://lms.example.edu/course/STAT210';
export const PAGE = `${COURSE}/page1`;
export const QUIZ = `${COURSE}/quiz1`;
export const VIDEO = `${COURSE}/video1`;

function event(
  tenant: string,
  learner: string,
  at: string,
  action: LearningEvent['action'],
  objectId: string,
  objectType = 'page',
  scaled: number | null = null,
  course: string = COURSE,
): LearningEvent {
  return {
    ...learningEvent(tenant, course, learner, at),
    action,
    objectId,
    objectType,
    score: scaled === null ? null : { raw: scaled * 10, min: 0, max: 10, scaled },
  };
}

export function courseEvents(a: string, b: string): LearningEvent[] {
  return [
    event(a, 'ann', '2025-03-01T08:00:00.000Z', 'enrolled', COURSE, 'course'),
    event(a, 'bob', '2025-03-01T09:00:00.000Z', 'enrolled', COURSE, 'course'),
    event(
      a,
      'ann',
      '2025-03-02T10:00:00.000Z',
      'viewed',
      `${OTHER_COURSE}/page9`,
      'page',
      null,
      OTHER_COURSE,
    ),
    event(a, 'ann', '2025-03-03T09:00:00.000Z', 'viewed', PAGE),
    event(a, 'ann', '2025-03-03T09:30:00.000Z', 'completed', PAGE),
    event(a, 'bob', '2025-03-03T10:00:00.000Z', 'viewed', PAGE),
    event(a, 'bob', '2025-03-04T10:00:00.000Z', 'scored', QUIZ, 'assessment', 0.45),
    event(a, 'ann', '2025-03-04T11:00:00.000Z', 'scored', QUIZ, 'assessment', 0.95),
    event(a, 'ann', '2025-03-04T12:00:00.000Z', 'played_video', VIDEO, 'video'),
    event(a, 'cat', '2025-03-05T09:00:00.000Z', 'passed', QUIZ, 'assessment', 0.72),
    event(a, 'bob', '2025-03-05T12:00:00.000Z', 'played_video', VIDEO, 'video'),
    event(a, 'bob', '2025-03-05T12:05:00.000Z', 'paused_video', VIDEO, 'video'),
    event(a, 'bob', '2025-03-06T09:00:00.000Z', 'unenrolled', COURSE, 'course'),
    // The other tenant, same course and objects.
    event(b, 'zed', '2025-03-01T08:00:00.000Z', 'enrolled', COURSE, 'course'),
    event(b, 'zed', '2025-03-03T09:00:00.000Z', 'viewed', PAGE),
    event(b, 'zed', '2025-03-04T09:00:00.000Z', 'scored', QUIZ, 'assessment', 0.1),
    event(b, 'zed', '2025-03-04T09:10:00.000Z', 'played_video', VIDEO, 'video'),
  ];
}

interface Risk {
  tenant: string;
  learner: string;
  score: number;
  level: string;
  asOf: string;
}

export async function insertRisks(t: AnalyticsTestApp, risks: Risk[]): Promise<void> {
  await t.clickhouse.insert({
    table: 'risk_assessments',
    format: 'JSONEachRow',
    values: risks.map((risk, i) => ({
      tenant: risk.tenant,
      assessment_id: randomUUID(),
      learner_id: risk.learner,
      course_id: COURSE,
      score: risk.score,
      level: risk.level,
      previous_level: null,
      reasons: JSON.stringify([
        {
          detector: 'inactivity',
          text: `no activity for ${String(i + 2)} days (cohort median 2)`,
          weight: 0.5,
          evidence: { daysInactive: i + 2 },
        },
      ]),
      detectors: ['inactivity'],
      model_version: 'test-1',
      as_of: toDateTime64(Date.parse(risk.asOf)),
      last_activity_at: toDateTime64(Date.parse('2025-03-05T12:00:00.000Z')),
      kafka_partition: 0,
      kafka_offset: i,
    })),
  });
}
