/**
 * What the risk-engine specs share: a small course's events over three weeks (steady, fading,
 * silent and withdrawing learners, two scored quizzes), the run's own topics, waiting for a
 * consumer group to commit everything, reading the published assessments, and the replay:
 * @learnpulse/risk called directly over the same events, as the offline evaluation does.
 */
import {
  deriveEventId,
  type LearningEvent,
  learningEventCodec,
  type RiskAssessment,
  riskAssessmentCodec,
} from '@learnpulse/events';
import { ensureTopics, type ReliableProducer, TOPIC_SPECS, TOPICS } from '@learnpulse/kafka';
import {
  applyEvent,
  assessRisk,
  buildCohort,
  createLearnerState,
  DAY_MS,
  dayIndex,
  dayStart,
  type LearnerCourseState,
} from '@learnpulse/risk';
import { endOffsets, readBetween, uniqueName, waitFor } from '@learnpulse/testing';
import { type Kafka } from 'kafkajs';
import { type EngineTopics } from '../src';

export const COURSE = 'https://lms.example.edu/course/BIO101';
/**
 * Day 0 of the course: 20 days before today, so the last day of the stream is today and the
 * engine's wall-clock tick has nothing to add while a spec runs.
 */
const START = dayStart(dayIndex(Date.now())) - 20 * DAY_MS;
const NAMESPACE = '8d5bd7c1-8f34-4b37-a3f4-0f1b3d0f6a11';

/** Own copies of the engine's topics, `partitions` each. */
export async function isolatedTopics(kafka: Kafka, partitions: number): Promise<EngineTopics> {
  const topics: EngineTopics = {
    events: uniqueName('learnpulse.test.risk.events'),
    state: uniqueName('learnpulse.test.risk.state'),
    risk: uniqueName('learnpulse.test.risk.out'),
    deadLetters: uniqueName('learnpulse.test.risk.dlq'),
    erasures: uniqueName('learnpulse.test.risk.erasures'),
  };
  const as = (declared: string, name: string) => {
    const spec = TOPIC_SPECS.find((s) => s.name === declared);
    if (spec === undefined) throw new Error(declared);
    return { ...spec, name };
  };
  await ensureTopics(kafka, {
    partitions,
    replicationFactor: 1,
    topics: [
      as(TOPICS.learningEvents, topics.events),
      as(TOPICS.riskEngineState, topics.state),
      as(TOPICS.learnerRisk, topics.risk),
      as(TOPICS.learningEventsDlq, topics.deadLetters),
      as(TOPICS.learnerErasures, topics.erasures),
    ],
  });
  return topics;
}

interface Plan {
  learner: string;
  /** Days (0-based) the learner is active on. */
  activeDays: number[];
  /** Scaled score of each quiz taken (quiz-1 on day 6, quiz-2 on day 13), null = not taken. */
  quizzes: [number | null, number | null];
  unenrolOnDay?: number;
}

function plans(): Plan[] {
  const every = (from: number, to: number, step = 1): number[] => {
    const days: number[] = [];
    for (let d = from; d <= to; d += step) days.push(d);
    return days;
  };
  return [
    { learner: 'steady-1', activeDays: every(0, 20), quizzes: [0.9, 0.85] },
    { learner: 'steady-2', activeDays: every(0, 20, 2), quizzes: [0.8, 0.75] },
    { learner: 'steady-3', activeDays: every(1, 20, 3), quizzes: [0.7, 0.9] },
    { learner: 'fading-1', activeDays: every(0, 6), quizzes: [0.6, null] },
    { learner: 'fading-2', activeDays: every(0, 9, 2), quizzes: [0.4, null] },
    { learner: 'silent-1', activeDays: [0, 1], quizzes: [null, null] },
    { learner: 'low-scores', activeDays: every(0, 20, 2), quizzes: [0.2, 0.1] },
    { learner: 'withdrawing', activeDays: every(0, 8), quizzes: [0.5, null], unenrolOnDay: 9 },
  ];
}

/** The course's events in time order (each with its own timestamp), of one tenant. */
export function courseEvents(tenant: string, days = 21): LearningEvent[] {
  const events: LearningEvent[] = [];
  const add = (
    plan: Plan,
    day: number,
    minute: number,
    action: LearningEvent['action'],
    objectId: string,
    scaled: number | null = null,
  ): void => {
    const occurredAt = START + day * DAY_MS + 8 * 3_600_000 + minute * 60_000;
    events.push({
      eventId: deriveEventId(NAMESPACE, [
        tenant,
        plan.learner,
        String(occurredAt),
        action,
        objectId,
      ]),
      tenant,
      source: 'xapi',
      learnerId: plan.learner,
      learnerAnonymous: false,
      courseId: COURSE,
      objectId,
      objectType: objectId.includes('quiz') ? 'quiz' : 'page',
      action,
      score: scaled === null ? null : { raw: null, min: null, max: null, scaled },
      occurredAt,
      receivedAt: occurredAt + 500,
      payload: '{}',
    });
  };
  plans().forEach((plan, index) => {
    add(plan, 0, index, 'enrolled', COURSE);
    for (const day of plan.activeDays.filter((d) => d < days)) {
      add(plan, day, 20 + index, 'viewed', `${COURSE}/page/${day % 5}`);
      if (day === 6 && plan.quizzes[0] !== null) {
        add(plan, day, 40 + index, 'scored', `${COURSE}/quiz-1`, plan.quizzes[0]);
      }
      if (day === 13 && plan.quizzes[1] !== null) {
        add(plan, day, 40 + index, 'scored', `${COURSE}/quiz-2`, plan.quizzes[1]);
      }
    }
    if (plan.unenrolOnDay !== undefined && plan.unenrolOnDay < days) {
      add(plan, plan.unenrolOnDay, 50 + index, 'unenrolled', COURSE);
    }
  });
  return events.sort((a, b) => a.occurredAt - b.occurredAt);
}

export async function produceEvents(
  producer: ReliableProducer,
  topic: string,
  events: readonly LearningEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 100) {
    await producer.send([
      {
        topic,
        messages: events.slice(i, i + 100).map((event) => ({
          key: `${event.tenant}:${event.learnerId}`,
          value: learningEventCodec.encode(event),
        })),
      },
    ]);
  }
}

/** Waits until `group` committed every record of `topic` (as of the call). */
export async function waitForCommitted(
  kafka: Kafka,
  group: string,
  topic: string,
  timeoutMs = 120_000,
): Promise<void> {
  const ends = await endOffsets(kafka, topic);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      `${group} to commit ${topic}`,
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        const behind = [...ends].filter(([partition, end]) => {
          const at = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          return BigInt(at) < end;
        });
        return behind.length === 0 ? true : undefined;
      },
      { timeoutMs, intervalMs: 200 },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Every assessment on `topic`, in offset order per partition. */
export async function readAssessments(kafka: Kafka, topic: string): Promise<RiskAssessment[]> {
  const to = await endOffsets(kafka, topic);
  const from = new Map([...to.keys()].map((partition) => [partition, 0n]));
  const records = await readBetween(kafka, topic, from, to);
  return records.map((record) => riskAssessmentCodec.decode(record.value));
}

function statesBefore(
  events: readonly LearningEvent[],
  asOf: number,
): Map<string, LearnerCourseState> {
  const states = new Map<string, LearnerCourseState>();
  for (const event of events) {
    if (event.occurredAt >= asOf || event.courseId === null) continue;
    let state = states.get(event.learnerId);
    if (state === undefined) {
      state = createLearnerState({
        tenant: event.tenant,
        learnerId: event.learnerId,
        courseId: event.courseId,
      });
      states.set(event.learnerId, state);
    }
    applyEvent(state, event);
  }
  return states;
}

/**
 * The replay of one published assessment: the learner's state from the events before asOf,
 * the cohort of the course as of the midnight of asOf's day (the engine's daily tick), and
 * assessRisk, with nothing of the engine in between.
 */
export function replayScore(
  events: readonly LearningEvent[],
  assessment: RiskAssessment,
): { score: number; level: string; reasons: unknown } {
  const midnight = dayStart(dayIndex(assessment.asOf));
  const courseEventsOnly = events.filter((e) => e.courseId === assessment.courseId);
  const cohort = buildCohort(
    assessment.courseId,
    statesBefore(courseEventsOnly, midnight).values(),
    midnight,
  );
  const state =
    statesBefore(
      courseEventsOnly.filter((e) => e.learnerId === assessment.learnerId),
      assessment.asOf,
    ).get(assessment.learnerId) ??
    createLearnerState({
      tenant: assessment.tenant,
      learnerId: assessment.learnerId,
      courseId: assessment.courseId,
    });
  const score = assessRisk(state, assessment.asOf, cohort);
  return { score: score.score, level: score.level, reasons: score.reasons };
}

/** The environment of an engine with its own group and port. */
export function engineOverrides(group: string, port: number): Record<string, string> {
  return {
    RISK_ENGINE_CONSUMER_GROUP: group,
    RISK_ENGINE_PORT: String(port),
    RISK_ENGINE_SESSION_TIMEOUT_MS: '10000',
  };
}
