/**
 * Which LearningAction an xAPI verb is. Covers the ADL verbs and the verbs Moodle's and Open edX's
 * xAPI emitters use for the same actions; any other verb is 'other' (the event is still kept).
 */
import { type LearningAction } from '@learnpulse/events';

const ACTION_BY_VERB: Readonly<Record<string, LearningAction>> = {
  // Viewing and launching content.
  'http://adlnet.gov/expapi/verbs/experienced': 'viewed',
  'http://id.tincanapi.com/verb/viewed': 'viewed',
  'https://w3id.org/xapi/adl/verbs/viewed': 'viewed',
  'http://adlnet.gov/expapi/verbs/launched': 'viewed',
  'http://adlnet.gov/expapi/verbs/initialized': 'viewed',
  // Attempts, answers and grading.
  'http://adlnet.gov/expapi/verbs/attempted': 'attempted',
  'http://activitystrea.ms/schema/1.0/start': 'attempted',
  'http://adlnet.gov/expapi/verbs/answered': 'submitted',
  'http://activitystrea.ms/schema/1.0/submit': 'submitted',
  'http://adlnet.gov/expapi/verbs/scored': 'scored',
  'https://w3id.org/xapi/tla/verbs/scored': 'scored',
  'https://w3id.org/xapi/acrossx/verbs/evaluated': 'scored',
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
  'http://adlnet.gov/expapi/verbs/passed': 'passed',
  'http://adlnet.gov/expapi/verbs/failed': 'failed',
  // Enrolment and sessions.
  'http://adlnet.gov/expapi/verbs/registered': 'enrolled',
  'http://id.tincanapi.com/verb/unregistered': 'unenrolled',
  'http://adlnet.gov/expapi/verbs/logged-in': 'logged_in',
  'https://w3id.org/xapi/adl/verbs/logged-in': 'logged_in',
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/login': 'logged_in',
  'https://w3id.org/xapi/dod-isd/verbs/navigated': 'navigated',
  // Discussion.
  'http://adlnet.gov/expapi/verbs/commented': 'posted',
  'https://w3id.org/xapi/acrossx/verbs/posted': 'posted',
  'http://adlnet.gov/expapi/verbs/asked': 'posted',
  'http://adlnet.gov/expapi/verbs/responded': 'posted',
  // Video profile.
  'https://w3id.org/xapi/video/verbs/played': 'played_video',
  'https://w3id.org/xapi/video/verbs/paused': 'paused_video',
  // Moodle (logstore_xapi): learner actions the closed set has a word for.
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/enrolled': 'enrolled',
  'https://brindlewaye.com/xAPITerms/verbs/loggedin/': 'logged_in', // older plug-in releases
  'http://id.tincanapi.com/verb/replied': 'posted',
  'https://w3id.org/xapi/tla/verbs/resumed': 'attempted', // lesson / questionnaire resumed
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/restarted': 'attempted', // lesson restarted
  'https://w3id.org/xapi/tla/verbs/achieved': 'completed', // badge awarded, certificate issued
  'https://w3id.org/xapi/dod-isd/verbs/assessed': 'scored', // lesson essay assessed
  'http://activitystrea.ms/send': 'posted', // group message sent
  'http://activitystrea.ms/leave': 'unenrolled', // enrolment deleted (group leave: see mappers)
  // Taking part in a live (BigBlueButton, face-to-face) session: the closest is consuming content.
  'http://activitystrea.ms/schema/1.0/join': 'viewed',
  'http://id.tincanapi.com/verb/live': 'viewed',
  'http://adlnet.gov/expapi/verbs/attended': 'viewed',
  // Moodle verbs deliberately 'other': authoring and administration (create, edit, delete,
  // lock, publish, …), subscriptions, searches, and states with no learner action of their own.
  'http://activitystrea.ms/create': 'other',
  // Logging out: the closed set has no word for it (a session's end is not an action to count).
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/logout': 'other',
  'https://brindlewaye.com/xAPITerms/verbs/loggedout/': 'other',
  'https://w3id.org/xapi/acrossx/verbs/edited': 'other',
  'http://activitystrea.ms/delete': 'other',
  'https://w3id.org/xapi/dod-isd/verbs/deleted': 'other',
  'https://w3id.org/xapi/tla/verbs/forfeited': 'other',
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/uncompleted': 'other',
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/unsubscribed': 'other',
  'https://w3id.org/xapi/acrossx/verbs/searched': 'other',
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/locked': 'other',
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/unlocked': 'other',
  'http://id.tincanapi.com/verb/adjourned': 'other',
  'http://id.tincanapi.com/verb/secured': 'other',
  'https://w3id.org/xapi/dod-isd/verbs/published': 'other',
  'http://activitystrea.ms/schema/1.0/retract': 'other',
  'https://w3id.org/xapi/tla/verbs/suspended': 'other',
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/exceeded': 'other',
  'https://w3id.org/xapi/tla/verbs/verified': 'other',
  'https://xapi.edlm/profiles/edlm-lms/concepts/verbs/toured': 'other',
};

export function actionForVerb(verbId: string): LearningAction {
  return Object.hasOwn(ACTION_BY_VERB, verbId) ? (ACTION_BY_VERB[verbId] ?? 'other') : 'other';
}
