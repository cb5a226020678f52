/**
 * The operator endpoints on a running analytics-api (embedded ClickHouse, real Kafka for the
 * tombstones): off without ADMIN_TOKEN, operator-only with it, and an erase that another
 * tenant's identical learner id survives, seen through the tenant-facing report.
 */
import { learnerPseudonym } from '@learnpulse/mappers';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AnalyticsTestApp, learningEvent, startAnalyticsTestApp } from './analytics-test-app';

const KEY = 'analytics-admin-spec-pseudonym-key-32ch';
const LEARNER = 'mailto:erase.me@uni.example';
const COURSE = 'https://lms.uni.example/course/GDPR1';

function post(api: AnalyticsTestApp, path: string, body: unknown, authorization?: string) {
  return fetch(`${api.baseUrl}/admin/v1/learners/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify(body),
  });
}

describe('POST /admin/v1/learners/* without ADMIN_TOKEN', () => {
  it('does not exist (404), whatever the request carries', async () => {
    const api = await startAnalyticsTestApp();
    try {
      const [a] = api.tenants;
      const response = await post(
        api,
        'erase',
        { tenant: a.tenant, learner: LEARNER },
        `Bearer ${'x'.repeat(40)}`,
      );
      assert.equal(response.status, 404);
    } finally {
      await api.close();
    }
  });
});

describe('POST /admin/v1/learners/* with ADMIN_TOKEN', () => {
  const token = randomBytes(32).toString('base64url');
  let api: AnalyticsTestApp;

  before(async () => {
    api = await startAnalyticsTestApp({ ADMIN_TOKEN: token, LEARNER_PSEUDONYM_KEY: KEY });
  });

  after(async () => {
    await api.close();
  });

  const activity = async (authorization: string) => {
    const response = await fetch(
      `${api.baseUrl}/v1/courses/${encodeURIComponent(COURSE)}/activity?from=2026-03-01&to=2026-03-01`,
      { headers: { authorization } },
    );
    assert.equal(response.status, 200);
    return ((await response.json()) as { days: { events: number; activeLearners: number }[] })
      .days[0];
  };

  it('refuses a missing token and a tenant credential with 401, a bad body with 400', async () => {
    const [a] = api.tenants;
    const body = { tenant: a.tenant, learner: LEARNER };
    const none = await post(api, 'erase', body);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal((await post(api, 'erase', body, a.authorization)).status, 401);
    assert.equal((await post(api, 'export', body, `Bearer ${token}x`)).status, 401);
    const bad = await post(
      api,
      'erase',
      { tenant: 'Not A Slug', learner: LEARNER },
      `Bearer ${token}`,
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(((await bad.json()) as { errors: unknown[] }).errors, [
      { field: 'tenant', rule: 'must be a tenant slug ([a-z0-9][a-z0-9_-]{0,62})' },
    ]);
  });

  it('erases the learner of one tenant; the same id in the other tenant and other learners stay', async () => {
    const [a, b] = api.tenants;
    const pseudonym = learnerPseudonym(KEY, a.tenant, `mbox:${LEARNER}`);
    await api.insertEvents([
      learningEvent(a.tenant, COURSE, pseudonym, '2026-03-01T09:00:00Z'),
      learningEvent(a.tenant, COURSE, pseudonym, '2026-03-01T10:00:00Z'),
      learningEvent(a.tenant, COURSE, 'someone-else', '2026-03-01T11:00:00Z'),
      // Tenant B: a learner under the very same id string.
      learningEvent(b.tenant, COURSE, pseudonym, '2026-03-01T09:30:00Z'),
    ]);
    assert.deepEqual(await activity(a.authorization), {
      date: '2026-03-01',
      events: 3,
      activeLearners: 2,
    });

    const exported = await post(
      api,
      'export',
      { tenant: a.tenant, learner: LEARNER },
      `Bearer ${token}`,
    );
    assert.equal(exported.status, 200);
    const document = (await exported.json()) as { tables: Record<string, unknown[]> };
    assert.equal(document.tables.learning_events?.length, 2);

    const response = await post(
      api,
      'erase',
      { tenant: a.tenant, learner: LEARNER, requestedBy: 'dpo' },
      `Bearer ${token}`,
    );
    assert.equal(response.status, 200, await response.clone().text());
    const report = (await response.json()) as { deleted: Record<string, number>; auditId: string };
    assert.equal(report.deleted.learning_events, 2);
    assert.deepEqual(await activity(a.authorization), {
      date: '2026-03-01',
      events: 1,
      activeLearners: 1,
    });
    assert.deepEqual(await activity(b.authorization), {
      date: '2026-03-01',
      events: 1,
      activeLearners: 1,
    });
    const audit = await (
      await api.clickhouse.query({
        query: 'SELECT requested_by, requested_via FROM gdpr_audit WHERE audit_id = {id:UUID}',
        query_params: { id: report.auditId },
        format: 'JSONEachRow',
      })
    ).json();
    assert.deepEqual(audit, [{ requested_by: 'dpo', requested_via: 'admin-api' }]);
  });
});
