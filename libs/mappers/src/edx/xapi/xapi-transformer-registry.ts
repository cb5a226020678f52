/**
 * Which transformer turns which edX event into xAPI: by exact name, then by family pattern
 * (forum posts, special exams). Names without one get no statement.
 */
import { courseTransformer, COURSE_EVENT_NAMES } from './course.xapi-transformer';
import { type XapiTransformer } from './edx-xapi.types';
import { examTransformer, isExamEvent } from './exam.xapi-transformer';
import { forumTransformer, isForumEvent } from './forum.xapi-transformer';
import {
  aggregatedProgressTransformer,
  blockCompletionTransformer,
  courseGradedTransformer,
  subsectionGradedTransformer,
} from './grading.xapi-transformer';
import {
  linkClickedTransformer,
  outlineSelectedTransformer,
  sequenceNavigationTransformer,
} from './navigation.xapi-transformer';
import { problemCheckTransformer } from './problem-check.xapi-transformer';
import {
  hintDisplayedTransformer,
  problemCompletedTransformer,
  problemSubmittedTransformer,
  showAnswerTransformer,
} from './problem.xapi-transformer';
import { VIDEO_EVENT_NAMES, videoTransformer } from './video.xapi-transformer';

const BY_NAME = new Map<string, XapiTransformer>([
  ...VIDEO_EVENT_NAMES.map((name): [string, XapiTransformer] => [name, videoTransformer]),
  ...COURSE_EVENT_NAMES.map((name): [string, XapiTransformer] => [name, courseTransformer]),
  ['problem_check', problemCheckTransformer],
  ['edx.grades.problem.submitted', problemSubmittedTransformer],
  ['showanswer', showAnswerTransformer],
  ['edx.problem.hint.demandhint_displayed', hintDisplayedTransformer],
  ['edx.problem.completed', problemCompletedTransformer],
  ['edx.ui.lms.link_clicked', linkClickedTransformer],
  ['edx.ui.lms.outline.selected', outlineSelectedTransformer],
  ['edx.ui.lms.sequence.outline.selected', outlineSelectedTransformer],
  ['edx.ui.lms.sequence.next_selected', sequenceNavigationTransformer],
  ['edx.ui.lms.sequence.previous_selected', sequenceNavigationTransformer],
  ['edx.ui.lms.sequence.tab_selected', sequenceNavigationTransformer],
  ['edx.grades.subsection.grade_calculated', subsectionGradedTransformer],
  ['edx.grades.course.grade_calculated', courseGradedTransformer],
  ['edx.completion.block_completion.changed', blockCompletionTransformer],
  ['edx.completion_aggregator.progress.chapter', aggregatedProgressTransformer],
  ['edx.completion_aggregator.progress.sequential', aggregatedProgressTransformer],
  ['edx.completion_aggregator.progress.vertical', aggregatedProgressTransformer],
  ['edx.completion_aggregator.progress.course', aggregatedProgressTransformer],
]);

export function xapiTransformerFor(name: string): XapiTransformer | null {
  const exact = BY_NAME.get(name);
  if (exact !== undefined) return exact;
  if (isForumEvent(name)) return forumTransformer;
  if (isExamEvent(name)) return examTransformer;
  return null;
}
