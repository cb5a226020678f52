/**
 * Stable statement ids: a name-based UUID (version 5, RFC 9562) of (seed, learner, sequence),
 * so re-running the demo re-sends the same ids and the platform counts them once.
 */
import { createHash } from 'node:crypto';

/** The namespace of demo statement ids (a fixed random UUID; never change it). */
const DEMO_NAMESPACE = Buffer.from('6f1c2b9e4d7a4f0e9c3b8a5d2e1f7c40', 'hex');

/** UUIDv5 of a name within the demo namespace. */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(DEMO_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of a learner's n-th demo statement. */
export function demoStatementId(
  seed: string,
  learnerAccount: string,
  sequence: string | number,
): string {
  return nameBasedUuid(`statement\u0000${seed}\u0000${learnerAccount}\u0000${String(sequence)}`);
}

/** The registration (enrolment) id of a learner in a course, shared by all its statements. */
export function demoRegistrationId(seed: string, learnerAccount: string, courseId: string): string {
  return nameBasedUuid(`registration\u0000${seed}\u0000${learnerAccount}\u0000${courseId}`);
}
