/**
 * The xAPI protocol rules that hold for every request under /xapi/, as Fastify hooks so that
 * they also cover refusals that never reach a route (404, 413, CORS preflight):
 * - version negotiation before any guard: X-Experience-API-Version required (except GET
 *   /xapi/about), `request.xapiVersion` set;
 * - the alternate request syntax: translated and served in-process under 1.0.3, refused
 *   under 2.0.0 (which removed it);
 * - X-Experience-API-Version on every response, the version in use (2.0.0 when none is).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  formXapiVersion,
  isAlternateRequest,
  translateAlternateRequest,
} from './alternate-request';
import {
  AlternateRequestSyntaxError,
  MissingXapiVersionError,
  UnsupportedXapiVersionError,
} from './http.errors';
import { DEFAULT_XAPI_VERSION, negotiateXapiVersion, XAPI_VERSION_HEADER } from './xapi-version';

/** Headers of an in-process answer that the outer response sets for itself. */
const HOP_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'x-request-id',
  'x-experience-api-version',
]);

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}

function isXapi(path: string): boolean {
  return path === '/xapi' || path.startsWith('/xapi/');
}

function isAbout(request: FastifyRequest, path: string): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && /^\/xapi\/about\/?$/.test(path);
}

/** Serves an alternate request by injecting the request it stands for, and relays its answer. */
async function serveAlternate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const inner = translateAlternateRequest({
    path: pathOf(request),
    query: request.query as Record<string, unknown>,
    contentType: request.headers['content-type'],
    headers: request.headers,
    form: request.body,
  });
  const answer = await request.server.inject({
    method: inner.method,
    url: inner.url,
    headers: inner.headers,
    ...(inner.payload === undefined ? {} : { payload: inner.payload }),
  });
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !HOP_HEADERS.has(name.toLowerCase())) void reply.header(name, value);
  }
  return reply.code(answer.statusCode).send(answer.rawPayload);
}

export function registerXapiProtocolHooks(fastify: FastifyInstance, bodyLimit: number): void {
  // Alternate requests are forms; fields given twice stay arrays so they can be refused.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      const form: Record<string, string | string[]> = {};
      for (const [name, value] of new URLSearchParams(body as string)) {
        const seen = form[name];
        form[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
      }
      done(null, form);
    },
  );

  fastify.addHook('preValidation', async (request, reply) => {
    const path = pathOf(request);
    if (!isXapi(path) || request.method === 'OPTIONS') return;
    const alternate = isAlternateRequest(request.method, request.query);
    const header =
      request.headers[XAPI_VERSION_HEADER] ??
      (alternate ? formXapiVersion(request.body) : undefined);
    const negotiated = negotiateXapiVersion(header);
    if (negotiated.ok) request.xapiVersion = negotiated.version;
    else if (isAbout(request, path)) return;
    else if (negotiated.reason === 'missing') throw new MissingXapiVersionError();
    else throw new UnsupportedXapiVersionError(negotiated.given ?? '');
    if (!alternate) return;
    if (negotiated.version === '2.0.0') {
      throw new AlternateRequestSyntaxError(
        'xAPI 2.0.0 removed the alternate request syntax (?method=); send the request itself (or use X-Experience-API-Version 1.0.3)',
      );
    }
    return serveAlternate(request, reply);
  });

  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Experience-API-Version', request.xapiVersion ?? DEFAULT_XAPI_VERSION);
  });
}
