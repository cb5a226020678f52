/**
 * Which LearningAction an Open edX event name is. Exact names first (the tracking-log
 * reference and event-routing-backends' transformer registry), then name families
 * (edx.forum.*.created, edx.special_exam.*.attempt.*, ...), then implicit page views (the
 * event_type of a server page request is its URL path). Anything else is 'other' and
 * `known: false`, so callers can count names nobody mapped yet; the event is still kept.
 */
import { type LearningAction } from '@learnpulse/events';

const ACTION_BY_NAME: Readonly<Record<string, LearningAction>> = {
  // Enrolment. A mode change (audit → verified) keeps the learner enrolled: it re-states it.
  'edx.course.enrollment.activated': 'enrolled',
  'edx.course.enrollment.deactivated': 'unenrolled',
  'edx.course.enrollment.mode_changed': 'enrolled',
  'edx.course.enrollment.upgrade.succeeded': 'enrolled',
  // Course and problem grades.
  'edx.course.grade.passed.first_time': 'passed',
  'edx.course.grade.now_passed': 'passed',
  'edx.course.grade.now_failed': 'failed',
  'edx.grades.course.grade_calculated': 'scored',
  'edx.grades.subsection.grade_calculated': 'scored',
  'edx.grades.problem.submitted': 'submitted',
  'edx.grades.problem.rescored': 'scored',
  'edx.grades.problem.state_deleted': 'other',
  'edx.course.completed': 'completed',
  // Completion and progress.
  'edx.completion.block_completion.changed': 'completed',
  'edx.completion_aggregator.progress.chapter': 'completed',
  'edx.completion_aggregator.progress.sequential': 'completed',
  'edx.completion_aggregator.progress.vertical': 'completed',
  'edx.completion_aggregator.progress.course': 'completed',
  // Problems.
  problem_check: 'submitted',
  problem_check_fail: 'attempted',
  problem_graded: 'scored',
  problem_rescore: 'scored',
  problem_rescore_fail: 'other',
  problem_reset: 'attempted',
  reset_problem: 'attempted',
  reset_problem_fail: 'attempted',
  problem_save: 'attempted',
  save_problem_success: 'attempted',
  save_problem_fail: 'attempted',
  problem_show: 'viewed',
  showanswer: 'viewed',
  'edx.problem.completed': 'completed',
  'edx.problem.hint.demandhint_displayed': 'viewed',
  'edx.problem.hint.feedback_displayed': 'viewed',
  // Videos: legacy names, their edx.video.* successors and the mobile names.
  load_video: 'viewed',
  'edx.video.loaded': 'viewed',
  play_video: 'played_video',
  'edx.video.played': 'played_video',
  pause_video: 'paused_video',
  'edx.video.paused': 'paused_video',
  stop_video: 'paused_video',
  'edx.video.stopped': 'paused_video',
  complete_video: 'completed',
  'edx.video.completed': 'completed',
  seek_video: 'navigated',
  'edx.video.position.changed': 'navigated',
  speed_change_video: 'other',
  show_transcript: 'other',
  hide_transcript: 'other',
  'edx.video.transcript.shown': 'other',
  'edx.video.transcript.hidden': 'other',
  video_show_cc_menu: 'other',
  video_hide_cc_menu: 'other',
  'edx.video.closed_captions.shown': 'other',
  'edx.video.closed_captions.hidden': 'other',
  'edx.video.language_menu.shown': 'other',
  'edx.video.language_menu.hidden': 'other',
  // Navigation.
  seq_goto: 'navigated',
  seq_next: 'navigated',
  seq_prev: 'navigated',
  'edx.ui.lms.sequence.next_selected': 'navigated',
  'edx.ui.lms.sequence.previous_selected': 'navigated',
  'edx.ui.lms.sequence.tab_selected': 'navigated',
  'edx.ui.lms.outline.selected': 'navigated',
  'edx.ui.lms.sequence.outline.selected': 'navigated',
  'edx.ui.lms.link_clicked': 'navigated',
  page_close: 'navigated',
  book: 'viewed',
  textbook: 'viewed',
  'edx.bookmark.accessed': 'navigated',
  'edx.done.toggled': 'completed',
  // Forum reads (writes are the families below).
  'edx.forum.thread.viewed': 'viewed',
  'edx.forum.searched': 'other',
  // Sessions.
  'edx.user.login': 'logged_in',
  'edx.user.logout': 'other',
};

interface Family {
  readonly pattern: RegExp;
  readonly action: LearningAction;
}

const FAMILIES: readonly Family[] = [
  { pattern: /^edx\.forum\.(thread|response|comment)\.created$/, action: 'posted' },
  { pattern: /^edx\.forum\.(thread|response|comment)\.edited$/, action: 'posted' },
  {
    pattern:
      /^edx\.forum\.(thread|response|comment)\.(deleted|voted|reported|unreported|followed|unfollowed)$/,
    action: 'other',
  },
  { pattern: /^edx\.special_exam\.[a-z_]+\.attempt\.(created|started)$/, action: 'attempted' },
  { pattern: /^edx\.special_exam\.[a-z_]+\.attempt\.submitted$/, action: 'submitted' },
  { pattern: /^edx\.special_exam\.[a-z_]+\.attempt\./, action: 'other' },
  { pattern: /^edx\.problem\.hint\./, action: 'viewed' },
  { pattern: /^edx\.grades\./, action: 'scored' },
  { pattern: /^edx\.video\./, action: 'other' },
  { pattern: /^openassessmentblock\.create_submission$/, action: 'submitted' },
  { pattern: /^openassessment(block)?\./, action: 'other' },
  { pattern: /^xblock\.(poll|survey)\.submitted$/, action: 'submitted' },
  { pattern: /^edx\.drag_and_drop_v2\.item\.dropped$/, action: 'attempted' },
  { pattern: /^edx\.googlecomponent\./, action: 'viewed' },
  { pattern: /^(xblock|edx\.bi|edx\.drag_and_drop_v2)\./, action: 'other' },
  { pattern: /^edx\.course\.(home\.resume_course\.clicked|tool\.accessed)$/, action: 'navigated' },
  {
    pattern:
      /^edx\.(certificate|cohort|team|bookmark|librarycontentblock|course\.student_notes|user\.settings)\./,
    action: 'other',
  },
  { pattern: /^edx\.ui\.lms\./, action: 'navigated' },
  { pattern: /^textbook\./, action: 'viewed' },
  { pattern: /^edx\.course\.enrollment\./, action: 'other' },
];

/** Server page requests are logged with their URL path as the event type. */
const LOGIN_PATH = /^\/(login_ajax|user_api\/v1\/account\/login_session|login)\/?$/;

export interface ActionMatch {
  readonly action: LearningAction;
  /** False when no rule knows the name (the action is then 'other'). */
  readonly known: boolean;
}

export function actionForEdxEvent(name: string): ActionMatch {
  const exact = ACTION_BY_NAME[name];
  if (exact !== undefined) return { action: exact, known: true };
  const family = FAMILIES.find((f) => f.pattern.test(name));
  if (family !== undefined) return { action: family.action, known: true };
  if (name.startsWith('/')) {
    return { action: LOGIN_PATH.test(name) ? 'logged_in' : 'viewed', known: true };
  }
  return { action: 'other', known: false };
}
