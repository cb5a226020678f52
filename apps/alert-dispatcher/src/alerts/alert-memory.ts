/**
 * The dispatcher's memory of past alerts, kept on the compacted topic `alert-dispatcher.state.v1`
 * (one record per subscription, learner and course; the latest wins) and in a map in memory,
 * rebuilt from the topic at start. It is written after each alert is delivered or dead-lettered
 * and before the input offset is committed, so the cooldown survives a restart, and an
 * assessment read again after a crash is recognised as handled.
 */
import { deriveEventId, RISK_LEVELS } from '@learnpulse/events';
import { z } from 'zod';
import { type AlertMemory } from './alert-rules';

/** Namespace of the dispatcher's derived ids (memory keys, idempotency keys). Never change it. */
export const ALERT_ID_NAMESPACE = 'a6f1a3de-3c61-4c2b-9a57-1d3f0f3b9c21';

export interface AlertSubject {
  subscriptionId: string;
  tenant: string;
  learnerId: string;
  courseId: string;
}

const memoryRecordSchema = z.object({
  subscriptionId: z.string().min(1),
  tenant: z.string().min(1),
  learnerId: z.string().min(1),
  courseId: z.string().min(1),
  lastHandledAssessmentId: z.string().min(1),
  lastHandledAsOf: z.number().int(),
  lastDelivered: z
    .object({
      assessmentId: z.string().min(1),
      level: z.enum(RISK_LEVELS),
      asOf: z.number().int(),
    })
    .nullable(),
});
export type AlertMemoryRecord = z.infer<typeof memoryRecordSchema>;

/** Injective in its parts (learner and course ids may hold any character). */
export function alertMemoryKey(subject: AlertSubject): string {
  const learnerCourse = deriveEventId(ALERT_ID_NAMESPACE, [
    subject.tenant,
    subject.learnerId,
    subject.courseId,
  ]);
  return `${subject.subscriptionId}:${subject.tenant}:${learnerCourse}`;
}

export function encodeAlertMemory(record: AlertMemoryRecord): string {
  return JSON.stringify(memoryRecordSchema.parse(record));
}

export class AlertMemoryState {
  private readonly byKey = new Map<string, AlertMemory>();
  /** `tenant:learnerId` of each key, to find a learner's keys (their course is hashed in). */
  private readonly learnerOf = new Map<string, string>();

  apply(key: string, value: Buffer | string | null): void {
    if (value === null) {
      this.byKey.delete(key);
      this.learnerOf.delete(key);
      return;
    }
    const record = memoryRecordSchema.parse(JSON.parse(value.toString()));
    if (alertMemoryKey(record) !== key) throw new Error(`alert memory under ${key} names another`);
    this.byKey.set(key, {
      lastHandledAssessmentId: record.lastHandledAssessmentId,
      lastHandledAsOf: record.lastHandledAsOf,
      lastDelivered: record.lastDelivered,
    });
    this.learnerOf.set(key, `${record.tenant}:${record.learnerId}`);
  }

  /** The keys remembered for a learner, over every subscription and course. */
  keysOf(tenant: string, learnerId: string): string[] {
    const learner = `${tenant}:${learnerId}`;
    return [...this.learnerOf].filter(([, of]) => of === learner).map(([key]) => key);
  }

  get(subject: AlertSubject): AlertMemory | undefined {
    return this.byKey.get(alertMemoryKey(subject));
  }

  get size(): number {
    return this.byKey.size;
  }
}
