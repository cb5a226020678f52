/**
 * Who the learner of an edX event is, as the pluggable provider the mappers call. Production
 * passes the tenant's pseudonymiser (e.g. a keyed hash of `edxLearnerKey(event)`), tests pass
 * a fixed table.
 */
import { type EdxEvent } from './edx-event.types';

export type LearnerIdentifierProvider = (event: EdxEvent) => string;

/**
 * The event's own identity of its user, the input a pseudonymiser hashes: `user:<id>`, else
 * `username:<name>`, else (anonymous visitor) `session:<id>`, else `anonymous`.
 */
export function edxLearnerKey(event: EdxEvent): string {
  if (event.userId !== null) return `user:${event.userId}`;
  if (event.username !== null) return `username:${event.username}`;
  if (event.sessionId !== null) return `session:${event.sessionId}`;
  return 'anonymous';
}
