/**
 * The Caliper event types and what each constrains (Caliper 1.2 §Events, the same tables as the
 * 1.1 base and profile-extension specifications): allowed actions, and the entity types of
 * actor, object, target, generated and referrer. A rule table, read by `rules/event-rules.ts`.
 */
import { CALIPER_ACTIONS } from './caliper-vocabulary';

export interface EventClass {
  /** Allowed actions; the generic Event allows every action term. */
  readonly actions: ReadonlySet<string>;
  /** Entity type (or a subtype) each event property must have; several mean "any of". */
  readonly actor: readonly string[];
  readonly object: readonly string[];
  readonly target?: readonly string[];
  readonly generated?: readonly string[];
  readonly referrer?: readonly string[];
  /**
   * Where the spec ties actor or object to the action (SessionEvent: a TimedOut is done by a
   * SoftwareApplication to a Session), the per-action override.
   */
  readonly byAction?: Readonly<Record<string, ActionOverride>>;
  /** Properties the event type requires beyond actor, action, object and eventTime. */
  readonly required?: readonly string[];
}

export interface ActionOverride {
  readonly actor?: readonly string[];
  readonly object?: readonly string[];
  readonly generated?: readonly string[];
}

const actions = (...names: string[]): ReadonlySet<string> => new Set(names);
const PERSON = ['Person'];
const RESOURCE_OR_APP = ['DigitalResource', 'SoftwareApplication'];

export const EVENT_CLASSES: Readonly<Record<string, EventClass>> = {
  Event: { actions: CALIPER_ACTIONS, actor: ['Agent'], object: ['Entity'] },
  AnnotationEvent: {
    actions: actions('Bookmarked', 'Highlighted', 'Shared', 'Tagged'),
    actor: PERSON,
    object: ['DigitalResource'],
    target: ['Frame'],
    generated: ['Annotation'],
  },
  AssessmentEvent: {
    actions: actions('Started', 'Paused', 'Resumed', 'Restarted', 'Reset', 'Submitted'),
    actor: PERSON,
    object: ['Assessment'],
    generated: ['Attempt'],
  },
  AssessmentItemEvent: {
    actions: actions('Started', 'Skipped', 'Completed'),
    actor: PERSON,
    object: ['AssessmentItem'],
    // Started generates the learner's Attempt, Completed a Response.
    generated: ['Attempt', 'Response'],
    referrer: ['AssessmentItem'],
  },
  AssignableEvent: {
    actions: actions('Activated', 'Deactivated', 'Started', 'Completed', 'Submitted', 'Reviewed'),
    actor: PERSON,
    object: ['AssignableDigitalResource'],
    target: ['Frame'],
    generated: ['Attempt'],
  },
  FeedbackEvent: {
    actions: actions('Commented', 'Ranked'),
    actor: PERSON,
    object: ['Entity'],
    target: ['Frame'],
    generated: ['Rating', 'Comment'],
    // "If the action is Ranked then the generated value MUST be expressed as a Rating. If the
    // action is Commented then the generated value MUST be expressed as a Comment."
    byAction: { Ranked: { generated: ['Rating'] }, Commented: { generated: ['Comment'] } },
  },
  ForumEvent: { actions: actions('Subscribed', 'Unsubscribed'), actor: PERSON, object: ['Forum'] },
  GradeEvent: {
    actions: actions('Graded'),
    actor: ['Agent'],
    object: ['Attempt'],
    generated: ['Score'],
  },
  MediaEvent: {
    actions: actions(
      'Started',
      'Ended',
      'Paused',
      'Resumed',
      'Restarted',
      'ForwardedTo',
      'JumpedTo',
      'ChangedResolution',
      'ChangedSize',
      'ChangedSpeed',
      'ChangedVolume',
      'EnabledClosedCaptioning',
      'DisabledClosedCaptioning',
      'EnteredFullScreen',
      'ExitedFullScreen',
      'Muted',
      'Unmuted',
      'OpenedPopout',
      'ClosedPopout',
    ),
    actor: PERSON,
    object: ['MediaObject'],
    target: ['MediaLocation'],
  },
  MessageEvent: {
    actions: actions('MarkedAsRead', 'MarkedAsUnread', 'Posted'),
    actor: PERSON,
    object: ['Message'],
  },
  NavigationEvent: {
    actions: actions('NavigatedTo'),
    actor: PERSON,
    object: RESOURCE_OR_APP,
    target: ['DigitalResource'],
    referrer: RESOURCE_OR_APP,
  },
  QuestionnaireEvent: {
    actions: actions('Started', 'Submitted'),
    actor: PERSON,
    object: ['Questionnaire'],
  },
  QuestionnaireItemEvent: {
    actions: actions('Started', 'Skipped', 'Completed'),
    actor: PERSON,
    object: ['QuestionnaireItem'],
    generated: ['Response'],
  },
  ResourceManagementEvent: {
    actions: actions(
      'Archived',
      'Copied',
      'Created',
      'Deleted',
      'Described',
      'Downloaded',
      'Modified',
      'Printed',
      'Published',
      'Restored',
      'Retrieved',
      'Saved',
      'Unpublished',
      'Uploaded',
    ),
    actor: PERSON,
    object: ['DigitalResource'],
    generated: ['DigitalResource'],
  },
  SearchEvent: {
    actions: actions('Searched'),
    actor: PERSON,
    object: ['Entity'],
    generated: ['SearchResponse'],
  },
  SessionEvent: {
    actions: actions('LoggedIn', 'LoggedOut', 'TimedOut'),
    actor: ['Person', 'SoftwareApplication'],
    object: ['SoftwareApplication', 'Session'],
    target: ['DigitalResource'],
    referrer: RESOURCE_OR_APP,
    byAction: {
      LoggedIn: { actor: PERSON, object: ['SoftwareApplication'] },
      LoggedOut: { actor: PERSON, object: ['SoftwareApplication'] },
      TimedOut: { actor: ['SoftwareApplication'], object: ['Session'] },
    },
  },
  SurveyEvent: { actions: actions('OptedIn', 'OptedOut'), actor: PERSON, object: ['Survey'] },
  SurveyInvitationEvent: {
    actions: actions('Accepted', 'Declined', 'Sent'),
    actor: PERSON,
    object: ['SurveyInvitation'],
  },
  ThreadEvent: {
    actions: actions('MarkedAsRead', 'MarkedAsUnread'),
    actor: PERSON,
    object: ['Thread'],
  },
  ToolLaunchEvent: {
    actions: actions('Launched', 'Returned'),
    actor: PERSON,
    object: ['SoftwareApplication'],
    // The launch URL: a Link, or an LtiLink (a DigitalResource) for an LTI resource link.
    target: ['Link', 'DigitalResource'],
    generated: ['DigitalResource'],
    // The platform's LtiSession is part of every tool launch (cardinality 1 in the spec).
    required: ['federatedSession'],
  },
  ToolUseEvent: {
    actions: actions('Used'),
    actor: PERSON,
    object: ['SoftwareApplication'],
    target: ['SoftwareApplication'],
    generated: ['AggregateMeasureCollection'],
  },
  ViewEvent: { actions: actions('Viewed'), actor: PERSON, object: ['DigitalResource'] },
};

export function eventClass(type: string): EventClass | undefined {
  return Object.hasOwn(EVENT_CLASSES, type) ? EVENT_CLASSES[type] : undefined;
}
