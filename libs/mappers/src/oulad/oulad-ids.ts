/**
 * Identities of OULAD things in learnpulse: the course id `<code_module>-<code_presentation>`
 * (`AAA-2013J`), learner ids as in the dataset (already anonymous numbers), and stable event ids.
 */
import { deriveEventId, LEARNPULSE_EVENT_ID_NAMESPACE } from '@learnpulse/events';

export function ouladCourseId(codeModule: string, codePresentation: string): string {
  return `${codeModule}-${codePresentation}`;
}

/**
 * UUIDv5 of the tenant, the table and the row's identity within it, so re-importing the same
 * row always gives the same id (and downstream counts it once).
 */
export function ouladEventId(tenant: string, table: string, identity: readonly string[]): string {
  return deriveEventId(LEARNPULSE_EVENT_ID_NAMESPACE, ['oulad', tenant, table, ...identity]);
}
