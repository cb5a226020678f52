import { basicAuthHeader } from '@learnpulse/auth';
import { runMigrations } from '@learnpulse/clickhouse';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CourseActivityReport } from '../src';
import { learningEvent, startAnalyticsTestApp, type AnalyticsTestApp } from './analytics-test-app';

const DATA101 = 'https://lms.example.edu/course/DATA101';
const STAT210 = 'https://lms.example.edu/course/STAT210';

interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: { param: string; rule: string }[];
}

describe('GET /v1/courses/:courseId/activity', () => {
  let t: AnalyticsTestApp;

  const get = async (courseId: string, query: string, authorization?: string): Promise<Response> =>
    fetch(`${t.baseUrl}/v1/courses/${encodeURIComponent(courseId)}/activity${query}`, {
      headers: authorization === undefined ? {} : { authorization },
    });
  const report = async (
    courseId: string,
    query: string,
    authorization: string,
  ): Promise<CourseActivityReport> => {
    const response = await get(courseId, query, authorization);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as CourseActivityReport;
  };

  before(async () => {
    t = await startAnalyticsTestApp();
    const [a, b] = t.tenants;
    // Two insert blocks, as two sink batches: the rollup must sum events and merge learners
    // across blocks (ann is active on 2025-03-04 in both).
    await t.insertEvents([
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-03T09:00:00.000Z'),
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-03T09:05:00.000Z'),
      learningEvent(a.tenant, DATA101, 'bob', '2025-03-03T23:59:59.999Z'),
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-04T00:00:00.000Z'),
      learningEvent(a.tenant, DATA101, 'cat', '2025-03-04T12:00:00.000Z'),
      // Outside the range asked for, another course, and no course at all.
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-02T23:59:59.999Z'),
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-07T00:00:00.000Z'),
      learningEvent(a.tenant, STAT210, 'ann', '2025-03-03T10:00:00.000Z'),
      learningEvent(a.tenant, null, 'ann', '2025-03-03T10:00:00.000Z'),
    ]);
    await t.insertEvents([
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-04T18:00:00.000Z'),
      learningEvent(a.tenant, DATA101, 'dan', '2025-03-04T18:30:00.000Z'),
      learningEvent(a.tenant, DATA101, 'dan', '2025-03-04T19:30:00.000Z'),
      learningEvent(a.tenant, DATA101, 'eve', '2025-03-06T08:00:00.000Z'),
      // The other tenant, same course id and days.
      learningEvent(b.tenant, DATA101, 'zed', '2025-03-03T09:00:00.000Z'),
      learningEvent(b.tenant, DATA101, 'yan', '2025-03-05T09:00:00.000Z'),
    ]);
  });

  after(async () => {
    await t.close();
  });

  it('returns exact daily events and active learners, with empty days as zero', async () => {
    const [a] = t.tenants;
    assert.deepEqual(await report(DATA101, '?from=2025-03-03&to=2025-03-06', a.authorization), {
      courseId: DATA101,
      from: '2025-03-03',
      to: '2025-03-06',
      days: [
        { date: '2025-03-03', events: 3, activeLearners: 2 },
        { date: '2025-03-04', events: 5, activeLearners: 3 },
        { date: '2025-03-05', events: 0, activeLearners: 0 },
        { date: '2025-03-06', events: 1, activeLearners: 1 },
      ],
      totalEvents: 9,
    });
  });

  it('never shows one tenant the rows of another', async () => {
    const [a, b] = t.tenants;
    const seenByB = await report(DATA101, '?from=2025-03-03&to=2025-03-06', b.authorization);
    assert.deepEqual(
      seenByB.days.map((d) => [d.date, d.events, d.activeLearners]),
      [
        ['2025-03-03', 1, 1],
        ['2025-03-04', 0, 0],
        ['2025-03-05', 1, 1],
        ['2025-03-06', 0, 0],
      ],
    );
    const seenByA = await report(DATA101, '?from=2025-03-05&to=2025-03-05', a.authorization);
    assert.deepEqual(seenByA.days, [{ date: '2025-03-05', events: 0, activeLearners: 0 }]);
  });

  it('decodes the URL-encoded course IRI from the path, reserved characters included', async () => {
    const [a] = t.tenants;
    const odd = 'https://lms.example.edu/course/DATA 101?term=2025/26&x=100%#sec';
    await t.insertEvents([learningEvent(a.tenant, odd, 'ann', '2025-03-10T10:00:00.000Z')]);
    const body = await report(odd, '?from=2025-03-10&to=2025-03-10', a.authorization);
    assert.equal(body.courseId, odd);
    assert.deepEqual(body.days, [{ date: '2025-03-10', events: 1, activeLearners: 1 }]);
  });

  it('defaults to the last 30 days, today included', async () => {
    const [a] = t.tenants;
    const course = 'https://lms.example.edu/course/CS115';
    const dayMs = 86_400_000;
    const today = Math.floor(Date.now() / dayMs) * dayMs;
    await t.insertEvents([
      learningEvent(a.tenant, course, 'ann', new Date(today + 60_000).toISOString()),
      learningEvent(a.tenant, course, 'bob', new Date(today - 29 * dayMs).toISOString()),
      learningEvent(a.tenant, course, 'cat', new Date(today - 30 * dayMs).toISOString()),
    ]);
    const body = await report(course, '', a.authorization);
    assert.equal(body.days.length, 30);
    assert.equal(body.to, new Date(today).toISOString().slice(0, 10));
    assert.equal(body.from, new Date(today - 29 * dayMs).toISOString().slice(0, 10));
    assert.equal(body.days[0]?.events, 1);
    assert.equal(body.days[29]?.events, 1);
    assert.equal(body.totalEvents, 2);
  });

  it('reads the rollup, not the raw events', async () => {
    const [a] = t.tenants;
    const course = 'https://lms.example.edu/course/ROLLUP1';
    await t.clickhouse.command({
      query: `INSERT INTO course_daily_activity
              SELECT {tenant:String}, {course:String}, toDate('2025-01-10'), 7, uniqState(arrayJoin(['p', 'q']))`,
      query_params: { tenant: a.tenant, course },
    });
    const body = await report(course, '?from=2025-01-10&to=2025-01-10', a.authorization);
    assert.deepEqual(body.days, [{ date: '2025-01-10', events: 7, activeLearners: 2 }]);
  });

  it('answers 400 naming the parameter and the rule', async () => {
    const [a] = t.tenants;
    const cases: [string, string, RegExp][] = [
      ['?from=2025-13-01&to=2025-12-31', 'from', /real calendar date/],
      ['?from=yesterday', 'from', /YYYY-MM-DD/],
      ['?from=2025-03-02&to=2025-03-01', 'from', /must not be after to/],
      ['?from=2024-01-01&to=2025-01-01', 'to', /at most 366 days/],
      ['?from=2025-01-01&until=2025-01-02', 'until', /not a known parameter/],
    ];
    for (const [query, param, rule] of cases) {
      const response = await get(DATA101, query, a.authorization);
      assert.equal(response.status, 400, query);
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.errors?.[0]?.param, param, query);
      assert.match(body.errors[0].rule, rule, query);
      assert.match(body.message, new RegExp(`^${param}: `), query);
    }
  });

  it('answers 401 with a Basic challenge without credentials or with a wrong secret', async () => {
    const [a] = t.tenants;
    const anonymous = await get(DATA101, '');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Basic realm="learnpulse"');
    const wrong = await get(DATA101, '', basicAuthHeader(a.key, 'not-the-secret'));
    assert.equal(wrong.status, 401);
    // Credentials are checked before the parameters: no hints to an anonymous caller.
    assert.equal((await get(DATA101, '?from=nonsense')).status, 401);
  });

  it('applies the migrations idempotently at start, so it runs alone or next to the writer', async () => {
    const again = await runMigrations(t.clickhouse, t.env);
    assert.deepEqual(again.applied, []);
    assert.ok(again.alreadyApplied.some((name) => name.endsWith('course_daily_activity')));
  });
});
