/**
 * The demo LMS's catalogue: three courses, each with modules of pages, a video, a quiz and
 * (in every other module) an assignment, named with realistic IRIs on lms.example.edu.
 */

export const LMS_HOME_PAGE = 'https://lms.example.edu';
export const DEMO_PLATFORM = 'Example University LMS (learnpulse demo)';

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  page: 'http://activitystrea.ms/schema/1.0/page',
  video: 'https://w3id.org/xapi/video/activity-type/video',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  assignment: 'http://id.tincanapi.com/activitytype/school-assignment',
} as const;

export const VERBS = {
  registered: 'http://adlnet.gov/expapi/verbs/registered',
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  played: 'https://w3id.org/xapi/video/verbs/played',
  paused: 'https://w3id.org/xapi/video/verbs/paused',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  submitted: 'http://activitystrea.ms/schema/1.0/submit',
} as const;
export type DemoVerb = keyof typeof VERBS;

/** Display names; "submit" is shown as "submitted" like the other past-tense verbs. */
export const VERB_DISPLAY: Record<DemoVerb, string> = {
  registered: 'registered',
  launched: 'launched',
  experienced: 'experienced',
  played: 'played',
  paused: 'paused',
  completed: 'completed',
  attempted: 'attempted',
  answered: 'answered',
  submitted: 'submitted',
};

export interface DemoActivity {
  id: string;
  type: (typeof ACTIVITY_TYPES)[keyof typeof ACTIVITY_TYPES];
  name: string;
}

export interface DemoVideo extends DemoActivity {
  lengthSeconds: number;
}

export interface DemoQuiz extends DemoActivity {
  maxScore: number;
  /** Share of the max score needed to pass. */
  passingScaled: number;
  questions: DemoActivity[];
}

export interface DemoModule extends DemoActivity {
  index: number;
  pages: DemoActivity[];
  video: DemoVideo;
  quiz: DemoQuiz;
  assignment: DemoActivity | null;
}

export interface DemoCourse extends DemoActivity {
  code: string;
  modules: DemoModule[];
}

interface CourseOutline {
  code: string;
  name: string;
  modules: { title: string; pages: string[]; video: string; questions: number }[];
}

const OUTLINES: CourseOutline[] = [
  {
    code: 'DATA101',
    name: 'Introduction to Data Science',
    modules: [
      {
        title: 'What is data science?',
        pages: ['Course overview', 'The data science workflow'],
        video: 'Welcome to DATA101',
        questions: 5,
      },
      {
        title: 'Working with tables',
        pages: ['Tidy data', 'Filtering and sorting'],
        video: 'Tables in practice',
        questions: 6,
      },
      {
        title: 'Visualising data',
        pages: ['Choosing a chart', 'Colour and scale'],
        video: 'From table to chart',
        questions: 5,
      },
      {
        title: 'Summaries and distributions',
        pages: ['Centre and spread', 'Histograms'],
        video: 'Describing a distribution',
        questions: 8,
      },
      {
        title: 'Correlation and causation',
        pages: ['Scatter plots', 'Confounders'],
        video: 'Correlation is not causation',
        questions: 6,
      },
    ],
  },
  {
    code: 'STAT210',
    name: 'Applied Statistics',
    modules: [
      {
        title: 'Probability refresher',
        pages: ['Events and outcomes', 'Conditional probability'],
        video: 'Probability in five minutes',
        questions: 6,
      },
      {
        title: 'Sampling',
        pages: ['Sampling distributions', 'The central limit theorem'],
        video: 'Why samples work',
        questions: 8,
      },
      {
        title: 'Confidence intervals',
        pages: ['Interval estimates', 'Interpreting intervals'],
        video: 'Building an interval',
        questions: 6,
      },
      {
        title: 'Hypothesis tests',
        pages: ['Null and alternative', 'p-values'],
        video: 'Testing a claim',
        questions: 10,
      },
    ],
  },
  {
    code: 'CS115',
    name: 'Programming in Python',
    modules: [
      {
        title: 'Getting started',
        pages: ['Installing Python', 'Your first program'],
        video: 'Hello, Python',
        questions: 5,
      },
      {
        title: 'Control flow',
        pages: ['Conditions', 'Loops'],
        video: 'Loops step by step',
        questions: 6,
      },
      {
        title: 'Functions',
        pages: ['Defining functions', 'Scope'],
        video: 'Writing reusable code',
        questions: 6,
      },
      {
        title: 'Collections',
        pages: ['Lists and tuples', 'Dictionaries'],
        video: 'Choosing a collection',
        questions: 8,
      },
      {
        title: 'Files and errors',
        pages: ['Reading files', 'Exceptions'],
        video: 'When things go wrong',
        questions: 5,
      },
      {
        title: 'A small project',
        pages: ['Project brief', 'Testing your code'],
        video: 'Project walkthrough',
        questions: 4,
      },
    ],
  },
];

function buildCourse(outline: CourseOutline): DemoCourse {
  const courseId = `${LMS_HOME_PAGE}/course/${outline.code}`;
  const modules = outline.modules.map((module, m): DemoModule => {
    const index = m + 1;
    const moduleId = `${courseId}/module/${index}`;
    const maxScore = module.questions * 2;
    return {
      id: moduleId,
      type: ACTIVITY_TYPES.module,
      name: `${outline.code} ${index}. ${module.title}`,
      index,
      pages: module.pages.map((title, p) => ({
        id: `${moduleId}/page/${p + 1}`,
        type: ACTIVITY_TYPES.page,
        name: title,
      })),
      video: {
        id: `${moduleId}/video/1`,
        type: ACTIVITY_TYPES.video,
        name: module.video,
        lengthSeconds: 240 + ((outline.code.length * 97 + index * 131) % 600),
      },
      quiz: {
        id: `${moduleId}/quiz/1`,
        type: ACTIVITY_TYPES.quiz,
        name: `Quiz: ${module.title}`,
        maxScore,
        passingScaled: 0.6,
        questions: Array.from({ length: module.questions }, (_, q) => ({
          id: `${moduleId}/quiz/1/question/${q + 1}`,
          type: ACTIVITY_TYPES.question,
          name: `${module.title}, question ${q + 1}`,
        })),
      },
      // Every other module ends with a written assignment.
      assignment:
        index % 2 === 0
          ? {
              id: `${moduleId}/assignment/1`,
              type: ACTIVITY_TYPES.assignment,
              name: `Assignment: ${module.title}`,
            }
          : null,
    };
  });
  return {
    id: courseId,
    type: ACTIVITY_TYPES.course,
    name: outline.name,
    code: outline.code,
    modules,
  };
}

/** The demo courses, in a fixed order. */
export const DEMO_COURSES: readonly DemoCourse[] = OUTLINES.map(buildCourse);
