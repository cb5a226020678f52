/** Checking a snapshot's JSON against the state shape (zod), with errors naming field and rule. */
import { z } from 'zod';
import { type LearnerCourseState, LEARNER_STATE_VERSION } from './learner-state.types';

const epochMs = z.number().int();

const stateSchema = z.object({
  version: z.literal(LEARNER_STATE_VERSION),
  tenant: z.string().min(1),
  learnerId: z.string().min(1),
  courseId: z.string().min(1),
  activity: z.record(z.string().regex(/^-?\d+$/), z.number().nonnegative()),
  assessments: z.array(
    z.object({
      objectId: z.string(),
      objectType: z.string(),
      attempts: z.array(z.object({ at: epochMs, scaled: z.number().min(0).max(1).nullable() })),
    }),
  ),
  enrolment: z.array(z.object({ at: epochMs, action: z.enum(['enrolled', 'unenrolled']) })),
  lastEventAt: epochMs.nullable(),
  recentEventIds: z.array(z.string()),
});

export function parseStateJson(text: string): LearnerCourseState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TypeError('learner state: must be JSON');
  }
  const result = stateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new TypeError(`learner state: ${path === '' ? '(root)' : path} ${issue?.message ?? ''}`);
  }
  return result.data;
}
