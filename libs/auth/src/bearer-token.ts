/**
 * Bearer tokens of Caliper sensors (RFC 6750): `Authorization: Bearer <key>.<secret>`. The key
 * names the stored token (CALIPER_TOKENS), so only one scrypt hash is checked per request.
 */
import { CALIPER_TOKEN_PATTERN } from '@learnpulse/config';

export interface BearerToken {
  key: string;
  secret: string;
}

/** The token of a `Bearer` Authorization header, or null when there is none. */
export function parseBearerAuthorization(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** `<key>.<secret>` → its parts (split at the first dot: keys have none), or null. */
export function splitBearerToken(token: string): BearerToken | null {
  if (!CALIPER_TOKEN_PATTERN.test(token)) return null;
  const dot = token.indexOf('.');
  return { key: token.slice(0, dot), secret: token.slice(dot + 1) };
}

/** The Authorization header value a sensor sends for this token. */
export function bearerAuthHeader(token: string): string {
  return `Bearer ${token}`;
}
