import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAnalyticsTestApp, type AnalyticsTestApp } from './analytics-test-app';

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, unknown> };
  summary?: string;
}

interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

const TENANT_ROUTES = [
  ['get', '/v1/courses/{courseId}/activity'],
  ['get', '/v1/courses/{courseId}/engagement'],
  ['get', '/v1/courses/{courseId}/completion'],
  ['get', '/v1/courses/{courseId}/scores'],
  ['get', '/v1/courses/{courseId}/enrolments'],
  ['get', '/v1/courses/{courseId}/enrolments/history'],
  ['get', '/v1/courses/{courseId}/videos'],
  ['get', '/v1/courses/{courseId}/at-risk'],
  ['get', '/v1/learners/{learnerId}/activity'],
  ['get', '/v1/learners/{learnerId}/timeline'],
  ['post', '/v1/sql'],
] as const;

describe('OpenAPI document at /docs', () => {
  let t: AnalyticsTestApp;
  let document: Document;

  before(async () => {
    t = await startAnalyticsTestApp();
    const response = await fetch(`${t.baseUrl}/docs-json`);
    assert.equal(response.status, 200);
    document = (await response.json()) as Document;
  });

  after(async () => {
    await t.close();
  });

  it('serves Swagger UI at /docs without credentials', async () => {
    const response = await fetch(`${t.baseUrl}/docs`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await response.text(), /swagger-ui/);
  });

  it('describes every tenant endpoint with its auth, parameters and responses, and nothing else under /v1', () => {
    assert.match(document.openapi, /^3\./);
    assert.deepEqual(document.components.securitySchemes.tenant, {
      type: 'http',
      scheme: 'basic',
      description: 'a tenant credential (key and secret)',
    });
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    assert.deepEqual(documented, TENANT_ROUTES.map(([method, path]) => `${method} ${path}`).sort());
    for (const [method, path] of TENANT_ROUTES) {
      const operation = document.paths[path]?.[method];
      assert.ok(operation !== undefined, path);
      assert.deepEqual(operation.security, [{ tenant: [] }], path);
      assert.ok(operation.summary !== undefined && operation.summary.length > 0, path);
      for (const status of ['200', '400', '401']) {
        assert.ok(status in operation.responses, `${path} lacks ${status}`);
      }
    }
  });

  it('documents the filters and paging of the reports, and the SQL body and formats', () => {
    const names = (path: string, method = 'get'): string[] =>
      (document.paths[path]?.[method]?.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort();
    assert.deepEqual(names('/v1/courses/{courseId}/videos'), [
      'path:courseId',
      'query:cursor',
      'query:from',
      'query:limit',
      'query:objectId',
      'query:to',
    ]);
    assert.deepEqual(names('/v1/learners/{learnerId}/timeline'), [
      'path:learnerId',
      'query:courseId',
      'query:cursor',
      'query:from',
      'query:limit',
      'query:order',
      'query:to',
    ]);
    const sql = document.paths['/v1/sql']?.post;
    assert.ok(sql?.requestBody?.content['text/plain'] !== undefined);
    assert.deepEqual(names('/v1/sql', 'post'), ['query:format']);
    for (const status of ['403', '413', '415', '422']) assert.ok(status in sql.responses);
    const atRisk = document.paths['/v1/courses/{courseId}/at-risk']?.get;
    const schema = JSON.stringify(atRisk?.responses['200']?.content?.['application/json']?.schema);
    for (const field of ['score', 'level', 'reasons', 'lastActivityAt', 'nextCursor']) {
      assert.ok(schema.includes(`"${field}"`), field);
    }
  });
});
