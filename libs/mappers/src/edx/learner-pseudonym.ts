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

/** Identities remembered per provider; a course's learners repeat on every line of a log. */
const MEMO_ENTRIES = 100_000;

/**
 * The tenant's LearnerIdentifierProvider for the edX mappers. Remembers the last identities it
 * saw (the mappers ask several times per event, and an HMAC took ~5 % of an import's CPU).
 */
export function edxLearnerPseudonyms(key: string, tenant: string): LearnerIdentifierProvider {
  const memo = new Map<string, string>();
  return (event) => {
    const identity = edxLearnerKey(event);
    let pseudonym = memo.get(identity);
    if (pseudonym === undefined) {
      pseudonym = learnerPseudonym(key, tenant, identity);
      // Bounded: starting over is cheaper than tracking recency, and keeps memory flat.
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      memo.set(identity, pseudonym);
    }
    return pseudonym;
  };
}
