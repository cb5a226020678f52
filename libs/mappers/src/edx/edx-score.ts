/**
 * The score an edX event carries, as LearningEvent's Score: problem checks (grade / max_grade),
 * graded problems and subsections (weighted earned / possible) and course grades (percent).
 */
import { type Score } from '@learnpulse/events';
import { type EdxEvent } from './edx-event.types';
import { numberAt } from './json-value';

/** Scaled only when there is a positive maximum: 0 / 0 is "ungraded", not 0 %. */
function fraction(raw: number | null, max: number | null): Score | null {
  if (raw === null && max === null) return null;
  const scaled = raw !== null && max !== null && max > 0 ? raw / max : null;
  return { raw, min: 0, max, scaled };
}

export function edxScore(event: EdxEvent): Score | null {
  const { data } = event;
  if (event.name === 'edx.grades.course.grade_calculated') {
    const percent = numberAt(data, 'percent_grade');
    return percent === null ? null : { raw: percent, min: 0, max: 1, scaled: percent };
  }
  const pairs: readonly [string, string][] = [
    ['grade', 'max_grade'],
    ['weighted_earned', 'weighted_possible'],
    ['weighted_total_earned', 'weighted_total_possible'],
  ];
  for (const [earned, possible] of pairs) {
    const score = fraction(numberAt(data, earned), numberAt(data, possible));
    if (score !== null) return score;
  }
  return null;
}
