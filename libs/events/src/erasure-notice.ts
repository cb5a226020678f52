/**
 * The learnpulse.erasures.v1 value: `learner erase` tells running services that a learner was
 * erased, so they drop what they hold of the learner in memory and do not write it back. JSON,
 * keyed `tenant:learnerId` like every learner-keyed topic.
 */
import { z } from 'zod';
import { SchemaDecodeError } from './schema-errors';

const ERASURES_SUBJECT = 'learnpulse.erasures.v1';

export const erasureNoticeSchema = z.object({
  tenant: z.string().min(1, 'must not be empty'),
  learnerId: z.string().min(1, 'must not be empty'),
  /** The audit entry of the erasure (learnpulse_gdpr_audit). */
  auditId: z.string().min(1, 'must not be empty'),
  /** Epoch milliseconds. */
  erasedAt: z.number().int().nonnegative(),
});

export type ErasureNotice = z.infer<typeof erasureNoticeSchema>;

export function erasureNoticeKey(notice: Pick<ErasureNotice, 'tenant' | 'learnerId'>): string {
  return `${notice.tenant}:${notice.learnerId}`;
}

export function encodeErasureNotice(notice: ErasureNotice): Buffer {
  return Buffer.from(JSON.stringify(erasureNoticeSchema.parse(notice)), 'utf8');
}

/** Throws SchemaDecodeError naming the first bad field. */
export function decodeErasureNotice(value: Buffer): ErasureNotice {
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (error) {
    throw new SchemaDecodeError(`${ERASURES_SUBJECT} value is not JSON`, { cause: error });
  }
  const parsed = erasureNoticeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new SchemaDecodeError(
      `invalid ${ERASURES_SUBJECT} value: ${field}: ${issue?.message ?? 'invalid'}`,
      { field },
    );
  }
  return parsed.data;
}
