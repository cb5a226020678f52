/**
 * Version negotiation: every xAPI request names the version it speaks in X-Experience-API-Version
 * (1.0.x or 2.0.x); the LRS serves it by that version's rules and answers with that version's
 * latest patch. Requests that carry no usable version (the About resource, refusals) get 2.0.0.
 */
export type XapiVersion = '1.0.3' | '2.0.0';

/** The versions GET /xapi/about lists, newest first. */
export const SUPPORTED_XAPI_VERSIONS: readonly XapiVersion[] = ['2.0.0', '1.0.3'];

export const DEFAULT_XAPI_VERSION: XapiVersion = '2.0.0';

export const XAPI_VERSION_HEADER = 'x-experience-api-version';

export type VersionNegotiation =
  | { ok: true; version: XapiVersion }
  | { ok: false; reason: 'missing' | 'unsupported'; given?: string };

export function negotiateXapiVersion(header: string | string[] | undefined): VersionNegotiation {
  if (header === undefined) return { ok: false, reason: 'missing' };
  const given = (Array.isArray(header) ? header.join(',') : header).trim();
  if (given === '') return { ok: false, reason: 'missing' };
  if (/^1\.0(\.\d+)?$/.test(given)) return { ok: true, version: '1.0.3' };
  if (/^2\.0(\.\d+)?$/.test(given)) return { ok: true, version: '2.0.0' };
  return { ok: false, reason: 'unsupported', given };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The xAPI version the request is served by; set for every /xapi/ request that passed negotiation. */
    xapiVersion?: XapiVersion;
  }
}
