/**
 * Which body formats each route takes, from the Content-Type's media type (parameters such as
 * charset ignored, case-insensitive). Pure.
 */
import { type EdxBodyFormat } from '../edx/edx-request-body';

/** Every media type the gateway's body parser reads (as text); others get Fastify's 415. */
export const BODY_MEDIA_TYPES = [
  'application/json',
  'application/ld+json',
  'application/x-ndjson',
  'text/plain',
] as const;

export const EDX_MEDIA_TYPES = ['application/x-ndjson', 'text/plain', 'application/json'] as const;
export const CALIPER_MEDIA_TYPES = ['application/json', 'application/ld+json'] as const;

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence === undefined || essence === '' ? undefined : essence;
}

/** NDJSON for `application/x-ndjson` and `text/plain` (log shippers), JSON for `application/json`. */
export function edxBodyFormat(contentType: string | undefined): EdxBodyFormat | undefined {
  const type = mediaTypeOf(contentType);
  if (type === 'application/x-ndjson' || type === 'text/plain') return 'ndjson';
  if (type === 'application/json') return 'json';
  return undefined;
}

/** Caliper sensors send `application/json` (1.1, 1.2) or `application/ld+json`. */
export function isCaliperMediaType(contentType: string | undefined): boolean {
  const type = mediaTypeOf(contentType);
  return type === 'application/json' || type === 'application/ld+json';
}
