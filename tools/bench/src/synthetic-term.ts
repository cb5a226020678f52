/**
 * A synthetic term of LearningEvents for the warehouse benchmark, deterministic by seed:
 * `learners` learners in `courses` courses over `days` days. Course sizes and learner activity
 * follow Zipf-like weights (a few big courses and busy learners, a long tail); every learner
 * takes 1-5 courses drawn by size; days follow a weekly rhythm (busy Monday-Thursday, quiet
 * Saturday) and a term shape (a start peak, a lull, an exam peak); the action mix is an LMS's:
 * mostly viewed and navigated, some video plays and pauses, attempts, submissions and scores
 * (scaled around 0.7), a few completions, passes, fails, enrolments and posts.
 */
import { SeededRandom } from '@learnpulse/demo';
import { type LearningAction, type LearningEvent } from '@learnpulse/events';

export interface SyntheticTermOptions {
  tenant: string;
  learners: number;
  courses: number;
  days: number;
  /** Epoch ms of the end of the term (exclusive), e.g. the start of today UTC. */
  endMs: number;
  seed: string;
}

const DAY_MS = 86_400_000;
const COURSES_PER_LEARNER_MAX = 5;
const OBJECTS_PER_COURSE = 40;
const VIDEOS_PER_COURSE = 12;
const QUIZZES_PER_COURSE = 8;
/** Monday..Sunday weights of an LMS week. */
const WEEKDAY_WEIGHT = [1.2, 1.15, 1.1, 1.05, 0.8, 0.45, 0.7];

const ACTION_MIX: readonly [LearningAction, number][] = [
  ['viewed', 42],
  ['navigated', 20],
  ['played_video', 8],
  ['paused_video', 5],
  ['logged_in', 4],
  ['attempted', 5],
  ['submitted', 4],
  ['scored', 4],
  ['completed', 3],
  ['passed', 1.2],
  ['failed', 0.5],
  ['posted', 1.5],
  ['enrolled', 1.4],
  ['unenrolled', 0.2],
];

const OBJECT_TYPE = {
  page: 'http://adlnet.gov/expapi/activities/lesson',
  video: 'https://w3id.org/xapi/video/activity-type/video',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
  course: 'http://adlnet.gov/expapi/activities/course',
} as const;

/** Cumulative weights of ranks 1..n under Zipf exponent s, normalised to end at 1. */
function zipfCumulative(n: number, s: number): Float64Array {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let rank = 0; rank < n; rank += 1) {
    sum += 1 / (rank + 1) ** s;
    cumulative[rank] = sum;
  }
  for (let rank = 0; rank < n; rank += 1) cumulative[rank] = (cumulative[rank] ?? 0) / sum;
  return cumulative;
}

/** Index of the first cumulative weight above u (binary search). */
function draw(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 1) > u) high = mid;
    else low = mid + 1;
  }
  return low;
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

export class SyntheticTerm {
  readonly courseIds: string[];
  private readonly learnerIds: string[];
  private readonly learnerWeights: Float64Array;
  private readonly courseWeights: Float64Array;
  private readonly dayWeights: Float64Array;
  private readonly actionWeights: Float64Array;
  /** COURSES_PER_LEARNER_MAX course indexes per learner (the first `takes` are used). */
  private readonly learnerCourses: Int32Array;
  private readonly learnerTakes: Uint8Array;
  private readonly random: SeededRandom;
  private readonly startMs: number;

  constructor(private readonly options: SyntheticTermOptions) {
    const { learners, courses, days, seed } = options;
    this.random = new SeededRandom(seed, 'events');
    this.startMs = options.endMs - days * DAY_MS;
    this.courseIds = Array.from(
      { length: courses },
      (_, i) => `https://lms.example.edu/course/C${String(i).padStart(4, '0')}`,
    );
    // Learner ids look like the gateways' pseudonyms (hex), rank 0 the busiest.
    const naming = new SeededRandom(seed, 'learner-ids');
    this.learnerIds = Array.from(
      { length: learners },
      () =>
        `${hex8(naming.next() * 2 ** 32)}${hex8(naming.next() * 2 ** 32)}${hex8(naming.next() * 2 ** 32)}`,
    );
    this.learnerWeights = zipfCumulative(learners, 0.7);
    this.courseWeights = zipfCumulative(courses, 1.0);
    const dayWeight = new Float64Array(days);
    let sum = 0;
    for (let d = 0; d < days; d += 1) {
      const weekday = (new Date(this.startMs + d * DAY_MS).getUTCDay() + 6) % 7;
      const t = d / days;
      const shape = 1 + 0.6 * Math.exp(-t * 10) - 0.25 * Math.sin(Math.PI * t) + 0.9 * t ** 6;
      sum += (WEEKDAY_WEIGHT[weekday] ?? 1) * shape;
      dayWeight[d] = sum;
    }
    for (let d = 0; d < days; d += 1) dayWeight[d] = (dayWeight[d] ?? 0) / sum;
    this.dayWeights = dayWeight;
    const total = ACTION_MIX.reduce((s, [, w]) => s + w, 0);
    let running = 0;
    this.actionWeights = Float64Array.from(ACTION_MIX, ([, w]) => (running += w / total));
    const enrol = new SeededRandom(seed, 'enrolment');
    this.learnerCourses = new Int32Array(learners * COURSES_PER_LEARNER_MAX);
    this.learnerTakes = new Uint8Array(learners);
    for (let l = 0; l < learners; l += 1) {
      const takes = enrol.int(1, COURSES_PER_LEARNER_MAX);
      this.learnerTakes[l] = takes;
      for (let c = 0; c < takes; c += 1) {
        this.learnerCourses[l * COURSES_PER_LEARNER_MAX + c] = draw(
          this.courseWeights,
          enrol.next(),
        );
      }
    }
  }

  /** The id of the learner of activity rank `rank` (0: the busiest). */
  learnerId(rank: number): string {
    return this.learnerIds[rank] ?? '';
  }

  /** A UUID (version 4 layout) from the seeded stream. */
  private uuid(): string {
    const r = this.random;
    const a = hex8(r.next() * 2 ** 32);
    const b = hex8(r.next() * 2 ** 32);
    const c = hex8(r.next() * 2 ** 32);
    const d = hex8(r.next() * 2 ** 32);
    const variant = ((parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** The next event of the term, in random order over the term. */
  next(): LearningEvent {
    const r = this.random;
    const learner = draw(this.learnerWeights, r.next());
    const takes = this.learnerTakes[learner] ?? 1;
    const course =
      this.learnerCourses[learner * COURSES_PER_LEARNER_MAX + Math.floor(r.next() * takes)] ?? 0;
    const day = draw(this.dayWeights, r.next());
    const hour = Math.min(23.99, Math.max(0, r.normal(14, 4)));
    const occurredAt = Math.floor(this.startMs + day * DAY_MS + hour * 3_600_000);
    return this.event(this.learnerId(learner), course, occurredAt);
  }

  /** One event of `learnerId` in course index `course` at `occurredAt`. */
  event(learnerId: string, course: number, occurredAt: number): LearningEvent {
    const r = this.random;
    const action = ACTION_MIX[draw(this.actionWeights, r.next())]?.[0] ?? 'viewed';
    const courseId = this.courseIds[course] ?? '';
    let objectId: string;
    let objectType: string;
    let score: LearningEvent['score'] = null;
    if (action === 'played_video' || action === 'paused_video') {
      objectId = `${courseId}/video/${r.int(1, VIDEOS_PER_COURSE)}`;
      objectType = OBJECT_TYPE.video;
    } else if (
      action === 'attempted' ||
      action === 'submitted' ||
      action === 'scored' ||
      action === 'passed' ||
      action === 'failed'
    ) {
      objectId = `${courseId}/quiz/${r.int(1, QUIZZES_PER_COURSE)}`;
      objectType = OBJECT_TYPE.quiz;
      if (action === 'scored' || action === 'passed' || action === 'failed') {
        const scaled = Math.min(1, Math.max(0, r.normal(action === 'failed' ? 0.35 : 0.72, 0.15)));
        const raw = Math.round(scaled * 100) / 10;
        score = { raw, min: 0, max: 10, scaled: raw / 10 };
      }
    } else if (action === 'enrolled' || action === 'unenrolled') {
      objectId = courseId;
      objectType = OBJECT_TYPE.course;
    } else {
      objectId = `${courseId}/page/${r.int(1, OBJECTS_PER_COURSE)}`;
      objectType = OBJECT_TYPE.page;
    }
    const eventId = this.uuid();
    const receivedAt = occurredAt + r.int(50, 2_000);
    return {
      eventId,
      tenant: this.options.tenant,
      source: 'xapi',
      learnerId,
      learnerAnonymous: false,
      courseId,
      objectId,
      objectType,
      action,
      score,
      occurredAt,
      receivedAt,
      // A compact stand-in of the source statement (the sink stores it ZSTD-compressed).
      payload: `{"id":"${eventId}","actor":{"account":{"name":"${learnerId}"}},"verb":"${action}","object":{"id":"${objectId}"},"timestamp":"${new Date(occurredAt).toISOString()}"}`,
    };
  }
}
