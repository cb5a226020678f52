/**
 * The simulated term: a course that started `backfillDays` days ago, played day by day for
 * every learner (weekday rhythm, engagement, learners going quiet), then continued live.
 */
import { createDemoCohort, type DemoLearner } from './demo-cohort';
import type { DemoStatement } from './demo-statement.types';
import {
  newEnrolment,
  playSession,
  registrationAction,
  type EnrolmentState,
  type SessionAction,
} from './learner-session';
import { buildStatement } from './statement-builder';
import { demoRegistrationId, demoStatementId, nameBasedUuid } from './statement-id';
import { SeededRandom } from './seeded-random';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoOptions {
  /** Same seed, same learners and statements (default "learnpulse-demo"). */
  seed?: string;
  /** Number of learners (default 60). */
  learners?: number;
  /** Days of history before now (default 28). */
  backfillDays?: number;
  /** The current time in epoch ms (default Date.now()); the backlog ends here. */
  now?: number;
}

/** Sessions start in the day and evening (UTC), with an evening peak. */
const SESSION_START_HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 18, 19, 19, 20, 20];
/** No session starts later than this, so none (at most ~2.5 h) runs past midnight. */
const LAST_SESSION_START_MS = 21 * 3_600_000;

/** Relative activity by UTC weekday (Sunday first): busy early week, quiet weekends. */
const WEEKDAY_FACTOR = [0.45, 1.15, 1.1, 1.05, 1.0, 0.8, 0.4];

interface LearnerState {
  learner: DemoLearner;
  sequence: number;
  enrolments: EnrolmentState[];
  random: SeededRandom;
}

export function resolveDemoOptions(options: DemoOptions = {}): Required<DemoOptions> {
  const backfillDays = options.backfillDays ?? 28;
  const learners = options.learners ?? 60;
  if (!Number.isInteger(backfillDays) || backfillDays < 0 || backfillDays > 366) {
    throw new RangeError('backfillDays must be an integer between 0 and 366');
  }
  if (!Number.isInteger(learners) || learners < 1 || learners > 100_000) {
    throw new RangeError('learners must be an integer between 1 and 100000');
  }
  return {
    seed: options.seed ?? 'learnpulse-demo',
    learners,
    backfillDays,
    now: options.now ?? Date.now(),
  };
}

/** A demo run: the cohort, its backlog, and a source of live statements that continues it. */
export class DemoSimulation {
  readonly options: Required<DemoOptions>;
  /** UTC midnight of the course's first day. */
  readonly courseStart: number;
  readonly learners: DemoLearner[];
  private readonly states: LearnerState[];
  private live: LiveSource | null = null;

  constructor(options: DemoOptions = {}) {
    this.options = resolveDemoOptions(options);
    const { seed, backfillDays, now } = this.options;
    // Anchored to a UTC midnight so a re-run on the same day rebuilds identical statements.
    this.courseStart = Math.floor(now / DAY_MS) * DAY_MS - backfillDays * DAY_MS;
    this.learners = createDemoCohort({ seed, learners: this.options.learners, backfillDays });
    this.states = this.learners.map((learner) => ({
      learner,
      sequence: 0,
      random: new SeededRandom(seed, 'activity', learner.account),
      enrolments: learner.courses.map(({ course, enrolDay }) =>
        newEnrolment(
          learner,
          course,
          enrolDay,
          demoRegistrationId(seed, learner.account, course.id),
        ),
      ),
    }));
  }

  /** Course day (0 = first day) of an instant. */
  dayOf(timestamp: number): number {
    return Math.floor((timestamp - this.courseStart) / DAY_MS);
  }

  /** Every statement from the course start up to `now`, in time order. Call once. */
  backfill(): DemoStatement[] {
    const statements: DemoStatement[] = [];
    const { backfillDays, now } = this.options;
    for (let day = 0; day <= backfillDays; day += 1) {
      for (const state of this.states) statements.push(...this.playDay(state, day, now));
    }
    return statements.sort(
      (a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id),
    );
  }

  /** The next live statement, stamped `now`; sessions of a few learners interleave. */
  nextLive(now: number): DemoStatement {
    this.live ??= new LiveSource(this.options.seed, now);
    return this.live.next(now, this.states, this.dayOf(now));
  }

  private playDay(state: LearnerState, day: number, now: number): DemoStatement[] {
    const { learner, random } = state;
    if (learner.quiet && day > learner.quiet.lastActiveDay) return [];
    const dayStart = this.courseStart + day * DAY_MS;
    const weekday = WEEKDAY_FACTOR[new Date(dayStart).getUTCDay()] ?? 1;
    let fade = 1;
    if (learner.quiet && day >= learner.quiet.fadeFromDay) {
      const span = learner.quiet.lastActiveDay - learner.quiet.fadeFromDay + 2;
      fade = (learner.quiet.lastActiveDay - day + 1) / span;
    }
    const out: DemoStatement[] = [];
    for (const enrolment of state.enrolments) {
      if (day < enrolment.enrolDay) continue;
      // The whole day is played and numbered, and only what lies beyond `now` is dropped:
      // so an id never depends on the time of the run, only on the course day.
      const stamp = (actions: SessionAction[], start: number): void => {
        for (const action of actions) {
          const timestamp = start + action.offsetSeconds * 1000;
          state.sequence += 1;
          if (timestamp <= now) {
            const id = demoStatementId(this.options.seed, learner.account, state.sequence);
            out.push(toStatement(enrolment, action, id, timestamp));
          } else if (action.verb === 'registered') {
            enrolment.registered = false; // the live stream registers them instead
          }
        }
      };
      let cursor = dayStart - 600_000;
      if (!enrolment.registered) {
        cursor = dayStart + random.pick(SESSION_START_HOURS) * 3_600_000;
        stamp([registrationAction(enrolment)], cursor);
      }
      const mean = (learner.sessionsPerDay / state.enrolments.length) * weekday * fade;
      const starts = Array.from(
        { length: random.poisson(mean) },
        () => dayStart + random.pick(SESSION_START_HOURS) * 3_600_000 + random.int(0, 3_599) * 1000,
      ).sort((a, b) => a - b);
      for (const sessionStart of starts) {
        const start = Math.max(sessionStart, cursor + 600_000);
        if (start > dayStart + LAST_SESSION_START_MS) break;
        const sessionId = nameBasedUuid(
          `session\u0000${this.options.seed}\u0000${learner.account}\u0000${String(start)}`,
        );
        const actions = playSession(enrolment, day, random, sessionId);
        stamp(actions, start);
        cursor = start + (actions.at(-1)?.offsetSeconds ?? 0) * 1000;
      }
    }
    return out;
  }
}

function toStatement(
  enrolment: EnrolmentState,
  action: SessionAction,
  id: string,
  timestamp: number,
): DemoStatement {
  return buildStatement({
    id,
    learner: enrolment.learner,
    verb: action.verb,
    object: action.object,
    course: enrolment.course,
    module: action.module,
    registration: enrolment.registration,
    timestamp,
    ...(action.result ? { result: action.result } : {}),
    ...(action.objectExtensions ? { objectExtensions: action.objectExtensions } : {}),
    ...(action.contextExtensions ? { contextExtensions: action.contextExtensions } : {}),
    ...(action.interactionType ? { interactionType: action.interactionType } : {}),
  });
}

interface OpenSession {
  enrolment: EnrolmentState;
  actions: SessionAction[];
}

/**
 * Live mode: a handful of learners study at the same time; each call emits the next action of
 * one of their sessions. Learners who went quiet stay quiet.
 */
class LiveSource {
  private readonly random: SeededRandom;
  private readonly open: OpenSession[] = [];
  private sequence = 0;
  private sessions = 0;

  constructor(
    private readonly seed: string,
    private readonly runStartedAt: number,
  ) {
    this.random = new SeededRandom(seed, 'live', runStartedAt);
  }

  next(now: number, states: LearnerState[], day: number): DemoStatement {
    const active = states.filter((s) => !s.learner.quiet || day <= s.learner.quiet.lastActiveDay);
    if (active.length === 0) throw new Error('no active learner left for the live stream');
    while (this.open.length < 4) {
      // Engaged learners show up more often.
      const total = active.reduce((sum, s) => sum + s.learner.sessionsPerDay, 0);
      let target = this.random.next() * total;
      const state =
        active.find((s) => (target -= s.learner.sessionsPerDay) < 0) ?? this.random.pick(active);
      const enrolment = this.random.pick(state.enrolments);
      const sessionId = nameBasedUuid(
        `live-session\u0000${this.seed}\u0000${String(this.runStartedAt)}\u0000${String(this.sessions++)}`,
      );
      const actions = enrolment.registered ? [] : [registrationAction(enrolment)];
      actions.push(...playSession(enrolment, day, this.random, sessionId));
      this.open.push({ enrolment, actions });
    }
    const index = this.random.int(0, this.open.length - 1);
    const session = this.open[index] as OpenSession;
    const action = session.actions.shift() as SessionAction;
    if (session.actions.length === 0) this.open.splice(index, 1);
    this.sequence += 1;
    // Live ids are unique per run (the run start is part of the sequence), stable within it.
    const id = demoStatementId(
      this.seed,
      session.enrolment.learner.account,
      `live:${String(this.runStartedAt)}:${String(this.sequence)}`,
    );
    return toStatement(session.enrolment, action, id, now);
  }
}

/** The whole demo backlog for the options: same options (and same day), same statements. */
export function generateDemoStatements(options: DemoOptions = {}): DemoStatement[] {
  return new DemoSimulation(options).backfill();
}
