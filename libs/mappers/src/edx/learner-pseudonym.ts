/**
 * Per-tenant learner pseudonyms: HMAC-SHA256, keyed by LEARNER_PSEUDONYM_KEY, over the tenant and
 * the source's own identity of the user (`user:<id>`, else `username:<name>`, else the anonymous
 * `session:<id>`). The same learner always gets the same pseudonym within a tenant, two tenants
 * never share one, and without the key a pseudonym cannot be traced back to the edX user.
 */
import { edxLearnerKey, type LearnerIdentifierProvider } from './learner-identifier';
import { createHmac } from 'node:crypto';

/** 128 bits of the MAC, hex: collision-free at any realistic learner count, short in URLs. */
const PSEUDONYM_HEX_LENGTH = 32;

export function learnerPseudonym(key: string, tenant: string, identity: string): string {
  // The NUL separator keeps ("a", "b:c") and ("a:b", "c") apart.
  return createHmac('sha256', key)
    .update(`${tenant}\0${identity}`)
    .digest('hex')
    .slice(0, PSEUDONYM_HEX_LENGTH);
}

/** The tenant's LearnerIdentifierProvider for the edX mappers. */
export function edxLearnerPseudonyms(key: string, tenant: string): LearnerIdentifierProvider {
  return (event) => learnerPseudonym(key, tenant, edxLearnerKey(event));
}
