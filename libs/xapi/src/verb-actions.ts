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
};

export function actionForVerb(verbId: string): LearningAction {
  return ACTION_BY_VERB[verbId] ?? 'other';
}
