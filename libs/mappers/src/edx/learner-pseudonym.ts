/**
 * edX learner pseudonyms: the shared per-tenant pseudonymiser (pseudonyms/learner-pseudonyms)
 * over the event's own identity of its user (`user:<id>`, else `username:<name>`, else the
 * anonymous `session:<id>`).
 */
import { learnerPseudonyms } from '../pseudonyms/learner-pseudonyms';
import { edxLearnerKey, type LearnerIdentifierProvider } from './learner-identifier';

export { learnerPseudonym } from '../pseudonyms/learner-pseudonyms';

/** The tenant's LearnerIdentifierProvider for the edX mappers (memoised like the shared one). */
export function edxLearnerPseudonyms(key: string, tenant: string): LearnerIdentifierProvider {
  const pseudonymOf = learnerPseudonyms(key, tenant);
  return (event) => pseudonymOf(edxLearnerKey(event));
}
