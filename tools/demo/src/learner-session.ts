/**
 * One study session of a learner in a course: what they open next (unseen pages, the video,
 * the quiz, the assignment), how long it takes, and how well they answer. Produces timed
 * actions; the caller stamps ids and timestamps.
 */
import type { DemoActivity, DemoCourse, DemoModule, DemoVerb } from './demo-catalogue';
import type { DemoLearner } from './demo-cohort';
import type { DemoStatementResult } from './demo-statement.types';
import { isoDuration } from './statement-builder';
import type { SeededRandom } from './seeded-random';

const VIDEO_TIME = 'https://w3id.org/xapi/video/extensions/time';
const VIDEO_PROGRESS = 'https://w3id.org/xapi/video/extensions/progress';
const VIDEO_LENGTH = 'https://w3id.org/xapi/video/extensions/length';
const VIDEO_SESSION = 'https://w3id.org/xapi/video/extensions/session-id';

/** A new module opens every few days, like a weekly course schedule. */
export const MODULE_RELEASE_DAYS = 5;
const MAX_QUIZ_ATTEMPTS = 3;

interface ModuleProgress {
  seenPages: Set<string>;
  videoPosition: number;
  videoCompleted: boolean;
  quizAttempts: number;
  quizPassed: boolean;
  assignmentSubmitted: boolean;
}

/** A learner's progress in one course, carried from session to session. */
export interface EnrolmentState {
  learner: DemoLearner;
  course: DemoCourse;
  enrolDay: number;
  registration: string;
  registered: boolean;
  progress: ModuleProgress[];
}

/** One statement-to-be: everything but its id and absolute time. */
export interface SessionAction {
  /** Seconds after the session start. */
  offsetSeconds: number;
  verb: DemoVerb;
  object: DemoActivity;
  module: DemoModule;
  result?: DemoStatementResult;
  objectExtensions?: Record<string, unknown>;
  contextExtensions?: Record<string, unknown>;
  interactionType?: 'choice';
}

export function newEnrolment(
  learner: DemoLearner,
  course: DemoCourse,
  enrolDay: number,
  registration: string,
): EnrolmentState {
  return {
    learner,
    course,
    enrolDay,
    registration,
    registered: false,
    progress: course.modules.map(() => ({
      seenPages: new Set<string>(),
      videoPosition: 0,
      videoCompleted: false,
      quizAttempts: 0,
      quizPassed: false,
      assignmentSubmitted: false,
    })),
  };
}

/** The learner's chance of answering a question right on a given course day. */
export function abilityOn(learner: DemoLearner, day: number): number {
  const drop =
    learner.decline && day > learner.decline.fromDay
      ? (day - learner.decline.fromDay) * learner.decline.perDay
      : 0;
  return Math.min(0.98, Math.max(0.05, learner.ability - drop));
}

type Step =
  | { kind: 'page'; module: DemoModule; page: DemoActivity }
  | { kind: 'video'; module: DemoModule }
  | { kind: 'quiz'; module: DemoModule }
  | { kind: 'assignment'; module: DemoModule; assignment: DemoActivity };

function moduleProgress(state: EnrolmentState, module: DemoModule): ModuleProgress {
  const progress = state.progress[module.index - 1];
  if (progress === undefined) throw new RangeError(`no progress for module ${module.id}`);
  return progress;
}

/** The next thing to open: work through released modules in order, else review. */
function nextStep(state: EnrolmentState, day: number, random: SeededRandom): Step {
  const released = Math.min(
    state.course.modules.length,
    1 + Math.floor(Math.max(0, day - state.enrolDay) / MODULE_RELEASE_DAYS),
  );
  const modules = state.course.modules.slice(0, released);
  for (const module of modules) {
    const progress = moduleProgress(state, module);
    const unseen = module.pages.find((page) => !progress.seenPages.has(page.id));
    if (unseen) return { kind: 'page', module, page: unseen };
    if (!progress.videoCompleted) return { kind: 'video', module };
    if (!progress.quizPassed && progress.quizAttempts < MAX_QUIZ_ATTEMPTS)
      return { kind: 'quiz', module };
    if (module.assignment && !progress.assignmentSubmitted) {
      return { kind: 'assignment', module, assignment: module.assignment };
    }
  }
  // Up to date: revisit something already released.
  const module = random.pick(modules);
  return { kind: 'page', module, page: random.pick(module.pages) };
}

/** The registration statement of an enrolment, placed in the first module's context. */
export function registrationAction(state: EnrolmentState): SessionAction {
  const firstModule = state.course.modules[0];
  if (firstModule === undefined) throw new RangeError(`course ${state.course.id} has no modules`);
  state.registered = true;
  return {
    offsetSeconds: 0,
    verb: 'registered',
    object: state.course,
    module: firstModule,
    result: { completion: false },
  };
}

/** Plays one session of `steps` activities; mutates the enrolment's progress. */
export function playSession(
  state: EnrolmentState,
  day: number,
  random: SeededRandom,
  sessionId: string,
): SessionAction[] {
  const actions: SessionAction[] = [];
  let clock = 0;
  const steps = Math.min(5, 1 + random.poisson(1.4));
  for (let s = 0; s < steps; s += 1) {
    const step = nextStep(state, day, random);
    const progress = moduleProgress(state, step.module);
    switch (step.kind) {
      case 'page': {
        if (s === 0)
          actions.push({
            offsetSeconds: clock,
            verb: 'launched',
            object: step.page,
            module: step.module,
          });
        const reading = random.int(90, 720);
        clock += reading;
        progress.seenPages.add(step.page.id);
        actions.push({
          offsetSeconds: clock,
          verb: 'experienced',
          object: step.page,
          module: step.module,
          result: { duration: isoDuration(reading) },
        });
        break;
      }
      case 'video': {
        const video = step.module.video;
        const context = {
          [VIDEO_SESSION]: `${sessionId}-${String(s)}`,
          [VIDEO_LENGTH]: video.lengthSeconds,
        };
        const from = progress.videoPosition;
        actions.push({
          offsetSeconds: clock,
          verb: 'played',
          object: video,
          module: step.module,
          result: { extensions: { [VIDEO_TIME]: from } },
          contextExtensions: context,
        });
        // Most watch to the end in one go; some stop part-way and come back later.
        const to = random.chance(0.65)
          ? video.lengthSeconds
          : Math.min(video.lengthSeconds, from + random.int(30, video.lengthSeconds));
        clock += to - from + random.int(0, 20);
        progress.videoPosition = to;
        const share = Math.round((to / video.lengthSeconds) * 1000) / 1000;
        actions.push({
          offsetSeconds: clock,
          verb: 'paused',
          object: video,
          module: step.module,
          result: { extensions: { [VIDEO_TIME]: to, [VIDEO_PROGRESS]: share } },
          contextExtensions: context,
        });
        if (to >= video.lengthSeconds) {
          progress.videoCompleted = true;
          clock += 1;
          actions.push({
            offsetSeconds: clock,
            verb: 'completed',
            object: video,
            module: step.module,
            result: {
              completion: true,
              duration: isoDuration(to - from),
              extensions: { [VIDEO_TIME]: to, [VIDEO_PROGRESS]: 1 },
            },
            contextExtensions: context,
          });
        }
        break;
      }
      case 'quiz': {
        const quiz = step.module.quiz;
        progress.quizAttempts += 1;
        const start = clock;
        actions.push({
          offsetSeconds: clock,
          verb: 'attempted',
          object: quiz,
          module: step.module,
        });
        // A retake goes a little better: the learner has seen the questions.
        const chance = Math.min(
          0.98,
          abilityOn(state.learner, day) + 0.06 * (progress.quizAttempts - 1),
        );
        let correct = 0;
        for (const question of quiz.questions) {
          const thinking = random.int(20, 150);
          clock += thinking;
          const right = random.chance(chance);
          if (right) correct += 1;
          actions.push({
            offsetSeconds: clock,
            verb: 'answered',
            object: question,
            module: step.module,
            interactionType: 'choice',
            result: {
              success: right,
              response: right ? 'a' : random.pick(['b', 'c', 'd']),
              duration: isoDuration(thinking),
            },
          });
        }
        clock += random.int(5, 30);
        const raw = correct * (quiz.maxScore / quiz.questions.length);
        const scaled = Math.round((raw / quiz.maxScore) * 1000) / 1000;
        const passed = scaled >= quiz.passingScaled;
        progress.quizPassed = passed;
        actions.push({
          offsetSeconds: clock,
          verb: 'completed',
          object: quiz,
          module: step.module,
          result: {
            score: { raw, min: 0, max: quiz.maxScore, scaled },
            success: passed,
            completion: true,
            duration: isoDuration(clock - start),
          },
        });
        break;
      }
      case 'assignment': {
        const writing = random.int(900, 3600);
        clock += writing;
        progress.assignmentSubmitted = true;
        actions.push({
          offsetSeconds: clock,
          verb: 'submitted',
          object: step.assignment,
          module: step.module,
          result: { completion: true, duration: isoDuration(writing) },
        });
        break;
      }
    }
    clock += random.int(10, 120);
  }
  return actions;
}
