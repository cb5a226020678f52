/**
 * Who an erase or export is about. `--learner` takes the identifier the source system knows
 * (an xAPI mbox, account or openid, an edX user id, a Caliper actor IRI, an OULAD student) or
 * the pseudonym the warehouse holds; this turns it into the identities the statement store is
 * searched by and the learner ids (pseudonyms, plus the raw identities for rows written before
 * pseudonymisation) the warehouse tables are searched by.
 */
import { createHash } from 'node:crypto';
import { learnerPseudonym, PSEUDONYM_PATTERN } from '@learnpulse/mappers';

export interface LearnerSubject {
  readonly tenant: string;
  /** Source identities: xAPI identifiers in the store's actor form, edX/Caliper/OULAD keys. */
  readonly identities: readonly string[];
  /** Per-tenant pseudonyms of those identities (what learning_events.learner_id holds). */
  readonly pseudonyms: readonly string[];
}

/** A parsed `--learner`: a pseudonym as given, or the identities of a raw identifier. */
export type LearnerReference =
  | { readonly kind: 'pseudonym'; readonly pseudonym: string }
  | { readonly kind: 'identities'; readonly identities: readonly string[] };

/** A request naming a tenant or learner wrongly: the field and the rule it breaks. */
export class GdprRequestError extends Error {
  constructor(
    readonly field: 'tenant' | 'learner',
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'GdprRequestError';
  }
}

/** The identifier forms `--learner` takes, for messages and docs. */
export const LEARNER_FORMS =
  'a pseudonym (32 hex), mailto:<email> or <email>, mbox:mailto:<email>, mbox_sha1sum:<hex>, openid:<uri>, account:<homePage>|<name>, an edX user id (<digits> or user:<id>, username:<name>), a Caliper actor IRI (https://...), oulad:<id_student>';

const PREFIXED = ['mbox:', 'mbox_sha1sum:', 'openid:', 'account:', 'user:', 'username:', 'oulad:'];

function mbox(mailto: string): string[] {
  // xAPI lets a client name the same person by mbox or by its SHA-1: both are the learner.
  const sha1 = createHash('sha1').update(mailto).digest('hex');
  return [`mbox:${mailto}`, `mbox_sha1sum:${sha1}`];
}

export function parseLearnerReference(input: string): LearnerReference {
  const value = input.trim();
  if (value.length === 0) throw new GdprRequestError('learner', 'must not be empty');
  if (value.length > 2048) throw new GdprRequestError('learner', 'must be at most 2048 characters');
  if (PSEUDONYM_PATTERN.test(value)) return { kind: 'pseudonym', pseudonym: value };
  if (value.startsWith('mbox:mailto:'))
    return { kind: 'identities', identities: mbox(value.slice(5)) };
  if (value.startsWith('mailto:')) return { kind: 'identities', identities: mbox(value) };
  if (/^[^\s:@]+@[^\s:@]+$/.test(value)) {
    return { kind: 'identities', identities: mbox(`mailto:${value}`) };
  }
  if (value.startsWith('mbox_sha1sum:')) {
    return { kind: 'identities', identities: [value.toLowerCase()] };
  }
  if (PREFIXED.some((prefix) => value.startsWith(prefix))) {
    return { kind: 'identities', identities: [value] };
  }
  if (/^\d+$/.test(value)) return { kind: 'identities', identities: [`user:${value}`] };
  // An IRI: a Caliper actor id, or the same IRI as an xAPI openid.
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) {
    return { kind: 'identities', identities: [value, `openid:${value}`] };
  }
  throw new GdprRequestError('learner', `must be one of: ${LEARNER_FORMS}`);
}

/**
 * The subject of a raw identifier: its identities and their pseudonyms. Without the pseudonym
 * key only a pseudonym can be given (the raw identities alone would miss pseudonymised rows).
 */
export function subjectOfIdentities(
  tenant: string,
  identities: readonly string[],
  pseudonymKey: string | undefined,
): LearnerSubject {
  if (pseudonymKey === undefined) {
    throw new GdprRequestError(
      'learner',
      'a raw identifier needs LEARNER_PSEUDONYM_KEY (the gateways\u2019 key) to find its pseudonym; give the pseudonym instead',
    );
  }
  return {
    tenant,
    identities: [...identities],
    pseudonyms: identities.map((identity) => learnerPseudonym(pseudonymKey, tenant, identity)),
  };
}

/** Every value the warehouse may hold as learner_id for the subject. */
export function learnerIdsOf(subject: LearnerSubject): string[] {
  return [...new Set([...subject.pseudonyms, ...subject.identities])];
}
