/**
 * The Caliper versions this lib validates and their JSON-LD contexts: the base context IRI of each
 * version and the profile-extension contexts published under it.
 */

export type CaliperVersion = '1.1' | '1.2';

export const CALIPER_VERSIONS: readonly CaliperVersion[] = ['1.1', '1.2'];

/** The base context of each version; also the envelope's `dataVersion` value. */
export const CALIPER_CONTEXTS: Readonly<Record<CaliperVersion, string>> = {
  '1.1': 'http://purl.imsglobal.org/ctx/caliper/v1p1',
  '1.2': 'http://purl.imsglobal.org/ctx/caliper/v1p2',
};

/** The IRIs of the Caliper vocabulary an inline (object) context maps its terms to. */
export const CALIPER_VOCABULARY_IRI = 'http://purl.imsglobal.org/caliper/';

/**
 * The version whose context `iri` is: the base context itself or a profile extension context
 * published under it (`…/v1p1/ToolUseProfile-extension`); undefined for any other IRI.
 */
export function versionOfContextIri(iri: string): CaliperVersion | undefined {
  for (const version of CALIPER_VERSIONS) {
    const base = CALIPER_CONTEXTS[version];
    if (iri === base) return version;
    const rest = iri.startsWith(`${base}/`) ? iri.slice(base.length + 1) : '';
    if (/^[A-Za-z]+Profile-extension$/.test(rest)) return version;
  }
  return undefined;
}

/** The version named by an envelope's `dataVersion`, or undefined. */
export function versionOfDataVersion(value: unknown): CaliperVersion | undefined {
  return CALIPER_VERSIONS.find((version) => CALIPER_CONTEXTS[version] === value);
}
