/**
 * Which LearningAction a Caliper event is: a table over every event type and its actions, then
 * the action alone (generic `Event`, or an action a type's table does not list). Anything the
 * closed set has no word for (annotating, subscribing, managing resources, …) is 'other'; the
 * event is still kept.
 */
import { type LearningAction } from '@learnpulse/events';

type ActionTable = Readonly<Record<string, LearningAction>>;

/** Per event type, where the type changes what an action means. */
const BY_EVENT_TYPE: Readonly<Record<string, ActionTable>> = {
  AssessmentEvent: {
    Started: 'attempted',
    Resumed: 'attempted',
    Restarted: 'attempted',
    Submitted: 'submitted',
    Paused: 'other',
    Reset: 'other',
  },
  // Completing an item is answering it, as xAPI's "answered".
  AssessmentItemEvent: { Started: 'attempted', Completed: 'submitted', Skipped: 'other' },
  AssignableEvent: {
    Started: 'attempted',
    Submitted: 'submitted',
    Completed: 'completed',
    // Activated / Deactivated / Reviewed are the instructor's side of an assignment.
    Activated: 'other',
    Deactivated: 'other',
    Reviewed: 'other',
  },
  GradeEvent: { Graded: 'scored' },
  MediaEvent: {
    Started: 'played_video',
    Resumed: 'played_video',
    Restarted: 'played_video',
    Paused: 'paused_video',
    Ended: 'completed',
  },
  // Reading a message or a thread is viewing it; ForumEvent has only (Un)Subscribed.
  MessageEvent: { Posted: 'posted', MarkedAsRead: 'viewed', MarkedAsUnread: 'other' },
  ThreadEvent: { MarkedAsRead: 'viewed', MarkedAsUnread: 'other' },
  ForumEvent: { Subscribed: 'other', Unsubscribed: 'other' },
  FeedbackEvent: { Commented: 'posted', Ranked: 'other' },
  QuestionnaireEvent: { Started: 'attempted', Submitted: 'submitted' },
  QuestionnaireItemEvent: { Started: 'attempted', Completed: 'submitted', Skipped: 'other' },
  ResourceManagementEvent: { Downloaded: 'viewed', Retrieved: 'viewed' },
  SessionEvent: { LoggedIn: 'logged_in', LoggedOut: 'other', TimedOut: 'other' },
  // Launching a tool opens it for the learner, as xAPI's "launched" (→ viewed).
  ToolLaunchEvent: { Launched: 'viewed', Returned: 'other' },
  // The tool itself reports that the learner used it for learning: engagement with content.
  ToolUseEvent: { Used: 'viewed' },
};

/** The action alone, for the generic Event and anything the per-type table leaves out. */
const BY_ACTION: ActionTable = {
  Viewed: 'viewed',
  NavigatedTo: 'navigated',
  Started: 'attempted',
  Submitted: 'submitted',
  Completed: 'completed',
  Graded: 'scored',
  LoggedIn: 'logged_in',
  Posted: 'posted',
  Commented: 'posted',
  Launched: 'viewed',
  Used: 'viewed',
};

export function actionForCaliperEvent(eventType: string, action: string): LearningAction {
  const forType = Object.hasOwn(BY_EVENT_TYPE, eventType) ? BY_EVENT_TYPE[eventType] : undefined;
  const specific =
    forType !== undefined && Object.hasOwn(forType, action) ? forType[action] : undefined;
  if (specific !== undefined) return specific;
  return Object.hasOwn(BY_ACTION, action) ? (BY_ACTION[action] ?? 'other') : 'other';
}
