/**
 * One learner's record on the compacted topic risk-engine.state.v1 (key `tenant:learnerId`, as
 * on learning.events.v1): the learner-course states of every course, what was last published per
 * course, the recent event ids, and the input offset the record reflects (`offset`: the next
 * offset of `partition` not yet in it). A restore skips input records below that offset, so
 * nothing counts twice after a crash between the snapshot and the offset commit. The offsets
 * are those of one consumer group (`group`): a record of another group is not restored.
 */
import { RISK_LEVELS } from '@learnpulse/events';
import { parseLearnerState } from '@learnpulse/risk';
import { z } from 'zod';

export const SNAPSHOT_VERSION = 1;

const publishedSchema = z.object({
  score: z.number(),
  level: z.enum(RISK_LEVELS),
  asOf: z.number().int(),
});
export type Published = z.infer<typeof publishedSchema>;

const snapshotSchema = z.object({
  v: z.literal(SNAPSHOT_VERSION),
  tenant: z.string().min(1),
  learnerId: z.string().min(1),
  /** The consumer group whose committed offsets the record goes with; others ignore it. */
  group: z.string().min(1),
  partition: z.number().int().min(0),
  offset: z.number().int().min(0),
  /** Recent event ids with their occurredAt, oldest first. */
  seen: z.array(z.tuple([z.string(), z.number().int()])),
  courses: z.array(
    z.object({
      courseId: z.string().min(1),
      /** serializeLearnerState text, checked by parseLearnerState on restore. */
      state: z.string().min(2),
      published: publishedSchema.nullable(),
      /** Day index of the course's last daily tick this learner was assessed in. */
      tickDay: z.number().int().nullable(),
    }),
  ),
});
export type LearnerSnapshot = z.infer<typeof snapshotSchema>;

export function snapshotKey(tenant: string, learnerId: string): string {
  return `${tenant}:${learnerId}`;
}

export function encodeSnapshot(snapshot: LearnerSnapshot): string {
  return JSON.stringify(snapshot);
}

/** Throws a TypeError naming the problem when the record is not a snapshot of this version. */
export function decodeSnapshot(value: Buffer | string): LearnerSnapshot {
  const parsed = snapshotSchema.safeParse(JSON.parse(value.toString()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(
      `risk-engine snapshot: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  for (const course of parsed.data.courses) parseLearnerState(course.state);
  return parsed.data;
}
