/**
 * xAPI 1.0.3's alternate request syntax (Communication 1.3), for browsers that can only POST
 * forms without custom headers: `POST <resource>?method=PUT` with an
 * application/x-www-form-urlencoded body that carries the headers, the `content` and the
 * resource's parameters. It is translated into the request it stands for. xAPI 2.0.0 removed
 * the syntax, so under 2.0 it is refused.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { AlternateRequestSyntaxError } from './http.errors';

export const ALTERNATE_METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'] as const;
export type AlternateMethod = (typeof ALTERNATE_METHODS)[number];

/** Form fields that are headers of the request they stand for (lower-cased). */
const HEADER_FIELDS = new Set([
  'authorization',
  'x-experience-api-version',
  'content-type',
  'content-length',
  'if-match',
  'if-none-match',
]);

/** Headers of the outer POST that do not describe the inner request. */
const OUTER_ONLY_HEADERS = new Set(['content-type', 'content-length', 'host', 'origin']);

export interface InnerRequest {
  method: AlternateMethod;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface AlternateRequest {
  path: string;
  query: Record<string, unknown>;
  contentType: string | undefined;
  headers: IncomingHttpHeaders;
  form: unknown;
}

/** True when a request uses the alternate syntax (a POST with a `method` query parameter). */
export function isAlternateRequest(method: string, query: unknown): boolean {
  return (
    method === 'POST' &&
    typeof query === 'object' &&
    query !== null &&
    Object.prototype.hasOwnProperty.call(query, 'method')
  );
}

/** The X-Experience-API-Version a form carries, if any (field names are case-insensitive). */
export function formXapiVersion(form: unknown): string | undefined {
  if (typeof form !== 'object' || form === null) return undefined;
  for (const [name, value] of Object.entries(form)) {
    if (name.toLowerCase() === 'x-experience-api-version' && typeof value === 'string') {
      return value;
    }
  }
  return undefined;
}

function isAlternateMethod(method: unknown): method is AlternateMethod {
  return typeof method === 'string' && (ALTERNATE_METHODS as readonly string[]).includes(method);
}

export function translateAlternateRequest(request: AlternateRequest): InnerRequest {
  const { method, ...extra } = request.query;
  if (Object.keys(extra).length > 0) {
    throw new AlternateRequestSyntaxError(
      `an alternate request carries everything but "method" in its form body; move ${Object.keys(extra).join(', ')} there`,
    );
  }
  if (!isAlternateMethod(method)) {
    throw new AlternateRequestSyntaxError(
      `method must be one of ${ALTERNATE_METHODS.join(', ')}, got ${JSON.stringify(method)}`,
    );
  }
  if (
    request.contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded'
  ) {
    throw new AlternateRequestSyntaxError(
      'an alternate request must be sent as application/x-www-form-urlencoded',
    );
  }
  const form = request.form ?? {};
  if (typeof form !== 'object' || Array.isArray(form)) {
    throw new AlternateRequestSyntaxError('the alternate request body is not a form');
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!OUTER_ONLY_HEADERS.has(name) && typeof value === 'string') headers[name] = value;
  }
  const parameters = new URLSearchParams();
  let payload: string | undefined;
  for (const [name, value] of Object.entries(form as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      throw new AlternateRequestSyntaxError(`form field ${name} must be given once, as text`);
    }
    const lower = name.toLowerCase();
    if (lower === 'content') payload = value;
    else if (lower === 'content-length')
      continue; // recomputed for the content
    else if (HEADER_FIELDS.has(lower)) headers[lower] = value;
    else parameters.append(name, value);
  }
  if (payload !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = 'application/json';
  }
  const search = parameters.toString();
  return {
    method,
    url: search === '' ? request.path : `${request.path}?${search}`,
    headers,
    ...(payload === undefined ? {} : { payload }),
  };
}
