/**
 * The risk state of one partition of learning.events.v1, in memory: per learner (key
 * `tenant:learnerId`) the learner-course states, what was last published per course and the
 * recent event ids; per course a clock of daily ticks and the cohort of the tick.
 *
 * Time is the events' own time, so a replay gives the same assessments as the live run:
 * - an event first moves its course to the day it occurred in: when that day is after the
 *   course's last tick, the course ticks at 00:00 UTC of that day (cohort rebuilt from the
 *   partition's states as of that midnight; every learner of the course reassessed as of it);
 * - then it is applied and its learner assessed as of `occurredAt + 1 ms` against that cohort;
 * - `tickUntil(now)` moves every course to the wall clock's day, so inactivity grows while
 *   nothing happens.
 * An assessment is published when it is the first or a material change (level, or a score move
 * of at least minScoreMove) from the last published one.
 */
import { type LearningEvent, type RiskAssessment } from '@learnpulse/events';
import {
  type CohortView,
  dayIndex,
  dayStart,
  type LearnerCourseState,
  learnerCourseKeyOf,
  parseLearnerState,
  serializeLearnerState,
  toRiskAssessment,
} from '@learnpulse/risk';
import { type LearnerSnapshot, type Published, snapshotKey } from './learner-snapshot';
import { type RiskScoring } from './risk-scoring';
import { SeenIds } from './seen-ids';

interface CourseEntry {
  state: LearnerCourseState;
  published: Published | null;
  tickDay: number | null;
}

interface LearnerEntry {
  tenant: string;
  learnerId: string;
  /** The next input offset not reflected in this entry. */
  offset: number;
  seen: SeenIds;
  courses: Map<string, CourseEntry>;
}

interface CourseClock {
  tenant: string;
  courseId: string;
  tickDay: number | null;
  cohort: CohortView | null;
  learners: Set<string>;
}

export type HandleOutcome = 'applied' | 'duplicate' | 'ignored' | 'already-in-state';

export interface HandleResult {
  outcome: HandleOutcome;
  assessments: RiskAssessment[];
}

export interface PartitionEngineOptions {
  partition: number;
  /** The consumer group the snapshots' offsets belong to. */
  group: string;
  minScoreMove: number;
  seenIdsPerLearner: number;
  seenIdsWindowMs: number;
}

const courseClockKey = (tenant: string, courseId: string): string => `${tenant}\u001f${courseId}`;

export class PartitionEngine {
  private readonly learners = new Map<string, LearnerEntry>();
  private readonly clocks = new Map<string, CourseClock>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly scoring: RiskScoring,
    private readonly options: PartitionEngineOptions,
  ) {}

  get partition(): number {
    return this.options.partition;
  }

  get learnerCount(): number {
    return this.learners.size;
  }

  /** Loads one learner's snapshot (the latest record of its key). */
  restore(snapshot: LearnerSnapshot): void {
    const key = snapshotKey(snapshot.tenant, snapshot.learnerId);
    const courses = new Map<string, CourseEntry>();
    for (const course of snapshot.courses) {
      courses.set(course.courseId, {
        state: parseLearnerState(course.state),
        published: course.published,
        tickDay: course.tickDay,
      });
      const clock = this.clockOf(snapshot.tenant, course.courseId);
      clock.learners.add(key);
      if (course.tickDay !== null && (clock.tickDay === null || course.tickDay > clock.tickDay)) {
        clock.tickDay = course.tickDay;
        clock.cohort = null;
      }
    }
    this.learners.set(key, {
      tenant: snapshot.tenant,
      learnerId: snapshot.learnerId,
      offset: snapshot.offset,
      seen: new SeenIds(
        this.options.seenIdsPerLearner,
        this.options.seenIdsWindowMs,
        snapshot.seen,
      ),
      courses,
    });
  }

  /** Folds one input record (offset `offset`) in and returns what to publish. */
  handle(event: LearningEvent, offset: number): HandleResult {
    const key = snapshotKey(event.tenant, event.learnerId);
    const learner = this.learnerOf(key, event);
    if (offset < learner.offset) return { outcome: 'already-in-state', assessments: [] };
    learner.offset = offset + 1;
    this.dirty.add(key);
    if (learner.seen.has(event.eventId)) return { outcome: 'duplicate', assessments: [] };
    learner.seen.add(event.eventId, event.occurredAt);
    const courseKey = learnerCourseKeyOf(event);
    if (courseKey === null) return { outcome: 'ignored', assessments: [] };
    const clock = this.clockOf(event.tenant, courseKey.courseId);
    const assessments = this.tickTo(clock, dayIndex(event.occurredAt));
    let course = learner.courses.get(courseKey.courseId);
    if (course === undefined) {
      course = {
        state: this.scoring.createState(courseKey),
        published: null,
        tickDay: clock.tickDay,
      };
      learner.courses.set(courseKey.courseId, course);
      clock.learners.add(key);
    }
    const outcome = this.scoring.applyEvent(course.state, event);
    if (outcome !== 'applied') return { outcome, assessments };
    const published = this.assess(course, event.occurredAt + 1, this.cohortOf(clock));
    if (published !== null) assessments.push(published);
    return { outcome, assessments };
  }

  /** Ticks every course whose last tick is before `now`'s day (the wall clock's daily tick). */
  tickUntil(now: number): RiskAssessment[] {
    const today = dayIndex(now);
    const out: RiskAssessment[] = [];
    for (const clock of this.clocks.values()) {
      if (clock.tickDay !== null && clock.tickDay < today) out.push(...this.tickTo(clock, today));
    }
    return out;
  }

  /**
   * Drops an erased learner (`learner erase`): its state, its unwritten snapshot, and its place
   * in every course cohort, which is rebuilt without it. True if the learner was here.
   */
  forget(key: string): boolean {
    const learner = this.learners.get(key);
    if (learner === undefined) return false;
    this.learners.delete(key);
    this.dirty.delete(key);
    for (const courseId of learner.courses.keys()) {
      const clock = this.clocks.get(courseClockKey(learner.tenant, courseId));
      if (clock === undefined) continue;
      clock.learners.delete(key);
      clock.cohort = null;
    }
    return true;
  }

  /** Snapshots of the learners changed since the last call. */
  takeDirty(): LearnerSnapshot[] {
    const snapshots: LearnerSnapshot[] = [];
    for (const key of this.dirty) {
      const learner = this.learners.get(key);
      if (learner !== undefined) snapshots.push(this.snapshotOf(learner));
    }
    this.dirty.clear();
    return snapshots;
  }

  private snapshotOf(learner: LearnerEntry): LearnerSnapshot {
    return {
      v: 1,
      tenant: learner.tenant,
      learnerId: learner.learnerId,
      group: this.options.group,
      partition: this.options.partition,
      offset: learner.offset,
      seen: learner.seen.toArray(),
      courses: [...learner.courses].map(([courseId, course]) => ({
        courseId,
        state: serializeLearnerState(course.state),
        published: course.published,
        tickDay: course.tickDay,
      })),
    };
  }

  private learnerOf(key: string, event: LearningEvent): LearnerEntry {
    let learner = this.learners.get(key);
    if (learner === undefined) {
      learner = {
        tenant: event.tenant,
        learnerId: event.learnerId,
        offset: 0,
        seen: new SeenIds(this.options.seenIdsPerLearner, this.options.seenIdsWindowMs),
        courses: new Map(),
      };
      this.learners.set(key, learner);
    }
    return learner;
  }

  private clockOf(tenant: string, courseId: string): CourseClock {
    const key = courseClockKey(tenant, courseId);
    let clock = this.clocks.get(key);
    if (clock === undefined) {
      clock = { tenant, courseId, tickDay: null, cohort: null, learners: new Set() };
      this.clocks.set(key, clock);
    }
    return clock;
  }

  private statesOf(clock: CourseClock): LearnerCourseState[] {
    const states: LearnerCourseState[] = [];
    for (const key of clock.learners) {
      const course = this.learners.get(key)?.courses.get(clock.courseId);
      if (course !== undefined) states.push(course.state);
    }
    return states;
  }

  /** The cohort of the course's last tick (rebuilt after a restore). */
  private cohortOf(clock: CourseClock): CohortView {
    clock.cohort ??= this.scoring.buildCohort(
      clock.courseId,
      this.statesOf(clock),
      dayStart(clock.tickDay ?? 0),
    );
    return clock.cohort;
  }

  /** Moves a course to `day` if that is after its last tick: new cohort, everyone reassessed. */
  private tickTo(clock: CourseClock, day: number): RiskAssessment[] {
    if (clock.tickDay !== null && day <= clock.tickDay) return [];
    const asOf = dayStart(day);
    clock.tickDay = day;
    clock.cohort = this.scoring.buildCohort(clock.courseId, this.statesOf(clock), asOf);
    const out: RiskAssessment[] = [];
    for (const key of clock.learners) {
      const learner = this.learners.get(key);
      const course = learner?.courses.get(clock.courseId);
      if (learner === undefined || course === undefined) continue;
      course.tickDay = day;
      this.dirty.add(key);
      const published = this.assess(course, asOf, clock.cohort);
      if (published !== null) out.push(published);
    }
    return out;
  }

  private assess(course: CourseEntry, asOf: number, cohort: CohortView): RiskAssessment | null {
    const score = this.scoring.assess(course.state, asOf, cohort);
    const previous = course.published;
    if (!this.scoring.isMaterialChange(previous, score, this.options.minScoreMove)) return null;
    course.published = { score: score.score, level: score.level, asOf };
    return toRiskAssessment(score, previous?.level ?? null);
  }
}
