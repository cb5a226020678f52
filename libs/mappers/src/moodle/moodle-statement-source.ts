/**
 * Recognises the xAPI statements Moodle's logstore_xapi plug-in sends and maps them with
 * `source: 'moodle'`, refining the verb's action where the Moodle event name says more than the
 * verb (the plug-in reuses a few verbs for different things).
 */
import { type LearningAction, type LearningEvent } from '@learnpulse/events';
import { statementToLearningEvent, type XapiStatement } from '@learnpulse/xapi';

/** The context extension the plug-in (after Learning Locker's convention) describes itself in. */
export const MOODLE_INFO_EXTENSION = 'http://lrs.learninglocker.net/define/extensions/info';

function moodleInfo(statement: XapiStatement): Record<string, unknown> | undefined {
  const info = statement.context?.extensions?.[MOODLE_INFO_EXTENSION];
  return typeof info === 'object' && info !== null && !Array.isArray(info)
    ? (info as Record<string, unknown>)
    : undefined;
}

/**
 * A Moodle statement: `context.platform` "Moodle", or the info extension naming Moodle
 * (`http://moodle.org` → Moodle release) — the plug-in's tests leave the platform to a shared
 * default, so the extension is the more reliable sign.
 */
export function isMoodleStatement(statement: XapiStatement): boolean {
  if (statement.context?.platform === 'Moodle') return true;
  const info = moodleInfo(statement);
  return info !== undefined && 'http://moodle.org' in info;
}

/** The Moodle event name (`\mod_quiz\event\attempt_submitted`) the statement was made from. */
export function moodleEventName(statement: XapiStatement): string | undefined {
  const name = moodleInfo(statement)?.event_name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Where the event name overrides the verb: a new forum discussion is a post (verb "create", which
 * Moodle also sends for courses and calendars); creating a user account is not a course
 * enrolment (verb "registered"); leaving a group is not leaving the course (verb "leave"); an
 * enrolment made active again is an enrolment (verb "resumed").
 */
const ACTION_BY_EVENT_AND_VERB: Readonly<Record<string, Readonly<Record<string, LearningAction>>>> =
  {
    '\\mod_forum\\event\\discussion_created': { 'http://activitystrea.ms/create': 'posted' },
    '\\mod_forum\\event\\post_created': { 'http://activitystrea.ms/create': 'posted' },
    '\\core\\event\\user_created': { 'http://adlnet.gov/expapi/verbs/registered': 'other' },
    '\\core\\event\\group_member_removed': { 'http://activitystrea.ms/leave': 'other' },
    '\\core\\event\\user_enrolment_updated': {
      'https://w3id.org/xapi/tla/verbs/resumed': 'enrolled',
    },
  };

/** The LearningEvent of a statement, `source: 'moodle'` when Moodle sent it. */
export function moodleStatementToLearningEvent(
  tenant: string,
  statement: XapiStatement,
  receivedAt: number,
  statementJson?: string,
): LearningEvent {
  const event = statementToLearningEvent(tenant, statement, receivedAt, statementJson);
  if (!isMoodleStatement(statement)) return event;
  const name = moodleEventName(statement);
  const byVerb =
    name !== undefined && Object.hasOwn(ACTION_BY_EVENT_AND_VERB, name)
      ? ACTION_BY_EVENT_AND_VERB[name]
      : undefined;
  const verb = statement.verb.id;
  const refined = byVerb !== undefined && Object.hasOwn(byVerb, verb) ? byVerb[verb] : undefined;
  return { ...event, source: 'moodle', action: refined ?? event.action };
}

/**
 * The LearningEvent of any statement the LRS accepts: Moodle's plug-in statements get
 * `source: 'moodle'` and their event-name refinements, any other the plain xAPI mapping. What
 * the LRS and `learnpulse import xapi` use (statementRecords' event mapper).
 */
export const learningEventOfStatement: (
  tenant: string,
  statement: XapiStatement,
  receivedAt: number,
  statementJson?: string,
) => LearningEvent = moodleStatementToLearningEvent;
