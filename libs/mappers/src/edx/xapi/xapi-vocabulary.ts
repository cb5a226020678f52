/**
 * The xAPI verbs, activity types and extension IRIs Open edX's event-routing-backends uses, so
 * statements made here are the ones an Open edX LRS pipeline (e.g. Aspects) expects.
 */

export interface XapiVerbTerm {
  readonly id: string;
  readonly display: string;
}

function verb(id: string): XapiVerbTerm {
  return { id, display: id.slice(id.lastIndexOf('/') + 1) };
}

export const VERBS = {
  attempted: verb('http://adlnet.gov/expapi/verbs/attempted'),
  evaluated: verb('https://w3id.org/xapi/acrossx/verbs/evaluated'),
  registered: verb('http://adlnet.gov/expapi/verbs/registered'),
  unregistered: verb('http://id.tincanapi.com/verb/unregistered'),
  completed: verb('http://adlnet.gov/expapi/verbs/completed'),
  passed: verb('http://adlnet.gov/expapi/verbs/passed'),
  failed: verb('http://adlnet.gov/expapi/verbs/failed'),
  navigated: verb('https://w3id.org/xapi/dod-isd/verbs/navigated'),
  posted: verb('https://w3id.org/xapi/acrossx/verbs/posted'),
  edited: verb('https://w3id.org/xapi/acrossx/verbs/edited'),
  viewed: verb('http://id.tincanapi.com/verb/viewed'),
  deleted: verb('https://w3id.org/xapi/dod-isd/verbs/deleted'),
  voted: verb('https://w3id.org/xapi/openedx/verb/voted'),
  reported: verb('https://w3id.org/xapi/acrossx/verbs/reported'),
  unreported: verb('https://w3id.org/xapi/openedx/verb/unreported'),
  earned: verb('http://id.tincanapi.com/verb/earned'),
  progressed: verb('http://adlnet.gov/expapi/verbs/progressed'),
  terminated: verb('http://adlnet.gov/expapi/verbs/terminated'),
  asked: verb('http://adlnet.gov/expapi/verbs/asked'),
  initialized: verb('http://adlnet.gov/expapi/verbs/initialized'),
  played: verb('https://w3id.org/xapi/video/verbs/played'),
  paused: verb('https://w3id.org/xapi/video/verbs/paused'),
  seeked: verb('https://w3id.org/xapi/video/verbs/seeked'),
  interacted: verb('http://adlnet.gov/expapi/verbs/interacted'),
} as const;

export const ACTIVITY = {
  question: 'http://adlnet.gov/expapi/activities/question',
  solution: 'http://id.tincanapi.com/activitytype/solution',
  resource: 'http://id.tincanapi.com/activitytype/resource',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  supplementalInfo: 'https://w3id.org/xapi/acrossx/extensions/supplemental-info',
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  video: 'https://w3id.org/xapi/video/activity-type/video',
  discussion: 'http://id.tincanapi.com/activitytype/discussion',
  link: 'http://adlnet.gov/expapi/activities/link',
  examAttempt: 'http://adlnet.gov/expapi/activities/attempt',
  timedAssessment: 'https://w3id.org/xapi/openedx/activity/timed-assessment',
  practiceAssessment: 'https://w3id.org/xapi/openedx/activity/practice-assessment',
  proctoredAssessment: 'https://w3id.org/xapi/openedx/activity/proctored-assessment',
} as const;

export const EXTENSION = {
  transformerVersion: 'https://w3id.org/xapi/openedx/extension/transformer-version',
  sessionId: 'https://w3id.org/xapi/openedx/extensions/session-id',
  videoLength: 'https://w3id.org/xapi/video/extensions/length',
  videoTime: 'https://w3id.org/xapi/video/extensions/time',
  videoTimeFrom: 'https://w3id.org/xapi/video/extensions/time-from',
  videoTimeTo: 'https://w3id.org/xapi/video/extensions/time-to',
  videoCcEnabled: 'https://w3id.org/xapi/video/extensions/cc-enabled',
  speedFrom: 'https://w3id.org/xapi/openedx/extension/speed-from',
  speedTo: 'https://w3id.org/xapi/openedx/extension/speed-to',
  startingPosition: 'http://id.tincanapi.com/extension/starting-position',
  endingPoint: 'http://id.tincanapi.com/extension/ending-point',
  totalItems: 'https://w3id.org/xapi/acrossx/extensions/total-items',
  mode: 'https://w3id.org/xapi/acrossx/extensions/type',
  attemptId: 'http://id.tincanapi.com/extension/attempt-id',
  gradeClassification: 'http://www.tincanapi.co.uk/activitytypes/grade_classification',
  timeLimit: 'https://w3id.org/xapi/acrossx/extensions/time-limit',
  attemptStarted: 'https://w3id.org/xapi/openedx/extension/attempt-started',
  attemptCompleted: 'https://w3id.org/xapi/openedx/extension/attempt-completed',
  duration: 'http://id.tincanapi.com/extension/duration',
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
} as const;

export const XAPI_VERSION = '1.0.3';
export const EN = 'en';
export const EN_US = 'en-US';
