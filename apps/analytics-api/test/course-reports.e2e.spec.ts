import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAnalyticsTestApp, type AnalyticsTestApp } from './analytics-test-app';
import { COURSE, courseEvents, insertRisks, PAGE, QUIZ, VIDEO } from './report-fixtures';

type Json = Record<string, unknown> & {
  items: Record<string, unknown>[];
  nextCursor: string | null;
};

describe('course reports (GET /v1/courses/:courseId/...)', () => {
  let t: AnalyticsTestApp;

  const get = async (path: string, authorization?: string): Promise<Response> =>
    fetch(`${t.baseUrl}/v1/courses/${encodeURIComponent(COURSE)}/${path}`, {
      headers: authorization === undefined ? {} : { authorization },
    });
  const report = async (
    path: string,
    authorization = t.tenants[0].authorization,
  ): Promise<Json> => {
    const response = await get(path, authorization);
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return (await response.json()) as Json;
  };

  before(async () => {
    t = await startAnalyticsTestApp();
    const [a, b] = t.tenants;
    const events = courseEvents(a.tenant, b.tenant);
    // Two blocks, as two sink batches: the rollups must merge across them.
    await t.insertEvents(events.slice(0, 7));
    await t.insertEvents(events.slice(7));
    await insertRisks(t, [
      {
        tenant: a.tenant,
        learner: 'ann',
        score: 0.82,
        level: 'high',
        asOf: '2025-03-06T00:00:00Z',
      },
      { tenant: a.tenant, learner: 'bob', score: 0.9, level: 'high', asOf: '2025-03-04T00:00:00Z' },
      { tenant: a.tenant, learner: 'cat', score: 0.2, level: 'low', asOf: '2025-03-06T00:00:00Z' },
      {
        tenant: a.tenant,
        learner: 'dan',
        score: 0.55,
        level: 'medium',
        asOf: '2025-03-06T00:00:00Z',
      },
      {
        tenant: b.tenant,
        learner: 'zed',
        score: 0.99,
        level: 'high',
        asOf: '2025-03-06T00:00:00Z',
      },
    ]);
    // A later assessment replaces bob's earlier one.
    await insertRisks(t, [
      {
        tenant: a.tenant,
        learner: 'bob',
        score: 0.55,
        level: 'medium',
        asOf: '2025-03-06T00:00:00Z',
      },
    ]);
  });

  after(async () => {
    await t.close();
  });

  it('engagement: daily events and active learners, empty days as 0, distinct learners over the range', async () => {
    const body = await report('engagement?from=2025-03-01&to=2025-03-06');
    assert.deepEqual(body.points, [
      { period: '2025-03-01', events: 2, activeLearners: 2 },
      { period: '2025-03-02', events: 0, activeLearners: 0 },
      { period: '2025-03-03', events: 3, activeLearners: 2 },
      { period: '2025-03-04', events: 3, activeLearners: 2 },
      { period: '2025-03-05', events: 3, activeLearners: 2 },
      { period: '2025-03-06', events: 1, activeLearners: 1 },
    ]);
    assert.equal(body.totalEvents, 12);
    assert.equal(body.activeLearners, 3);
  });

  it('engagement: weekly points keyed by Monday, from the weekly rollup', async () => {
    const body = await report('engagement?from=2025-03-01&to=2025-03-06&interval=week');
    assert.deepEqual(body.points, [
      { period: '2025-02-24', events: 2, activeLearners: 2 },
      { period: '2025-03-03', events: 10, activeLearners: 3 },
    ]);
    assert.equal(body.totalEvents, 12);
    assert.equal(body.activeLearners, 3);
    // The totals cover the range, not the whole weeks of its points (the week of 2025-02-24
    // holds the 2 events of 2025-03-01, outside this range).
    const inner = await report('engagement?from=2025-03-02&to=2025-03-04&interval=week');
    const innerDaily = await report('engagement?from=2025-03-02&to=2025-03-04');
    assert.equal(inner.totalEvents, 6);
    assert.equal(inner.activeLearners, innerDaily.activeLearners);
    assert.deepEqual((inner.points as { events: number }[])[0]?.events, 2);
  });

  it('completion: per activity and for the course, paged by activity', async () => {
    const first = await report('completion?limit=2');
    assert.deepEqual(first.course, {
      activities: 3,
      learners: 3,
      completers: 2,
      completionRate: 2 / 3,
    });
    assert.deepEqual(first.items, [
      {
        objectId: PAGE,
        events: 3,
        learners: 2,
        completers: 1,
        passers: 0,
        failers: 0,
        completionRate: 0.5,
        lastActivityAt: '2025-03-03T10:00:00.000Z',
      },
      {
        objectId: QUIZ,
        events: 3,
        learners: 3,
        completers: 1,
        passers: 1,
        failers: 0,
        completionRate: 1 / 3,
        lastActivityAt: '2025-03-05T09:00:00.000Z',
      },
    ]);
    assert.equal(typeof first.nextCursor, 'string');
    const second = await report(`completion?limit=2&cursor=${String(first.nextCursor)}`);
    assert.deepEqual(
      second.items.map((item) => [item.objectId, item.learners, item.completers]),
      [[VIDEO, 2, 0]],
    );
    assert.equal(second.nextCursor, null);
    const one = await report(`completion?objectId=${encodeURIComponent(QUIZ)}`);
    assert.deepEqual(
      one.items.map((item) => item.objectId),
      [QUIZ],
    );
  });

  it('scores: count, mean, min, max, quantiles and a 10-bucket histogram per assessment', async () => {
    const body = await report('scores');
    assert.equal(body.items.length, 1);
    const quiz = body.items[0] as Record<string, unknown> & {
      quantiles: Record<string, number>;
      histogram: { from: number; to: number; count: number }[];
    };
    assert.equal(quiz.objectId, QUIZ);
    assert.equal(quiz.scores, 3);
    assert.equal(quiz.learners, 3);
    assert.ok(Math.abs((quiz.mean as number) - (0.45 + 0.95 + 0.72) / 3) < 1e-9);
    assert.equal(quiz.min, 0.45);
    assert.equal(quiz.max, 0.95);
    assert.deepEqual(Object.keys(quiz.quantiles), ['p10', 'p25', 'p50', 'p75', 'p90']);
    const median = quiz.quantiles.p50 ?? Number.NaN;
    assert.ok(median >= 0.45 && median <= 0.95, `p50 ${String(median)}`);
    assert.deepEqual(
      quiz.histogram.map((bucket) => bucket.count),
      [0, 0, 0, 0, 1, 0, 0, 1, 0, 1],
    );
    assert.deepEqual(quiz.histogram[4], { from: 0.4, to: 0.5, count: 1 });
  });

  it("enrolments: each learner's latest status, counts of both, and the history in time order", async () => {
    const enrolled = await report('enrolments');
    assert.deepEqual(enrolled.counts, { enrolled: 1, unenrolled: 1 });
    assert.deepEqual(enrolled.items, [
      { learnerId: 'ann', status: 'enrolled', since: '2025-03-01T08:00:00.000Z' },
    ]);
    const all = await report('enrolments?status=all');
    assert.deepEqual(
      all.items.map((item) => [item.learnerId, item.status]),
      [
        ['ann', 'enrolled'],
        ['bob', 'unenrolled'],
      ],
    );
    const history = await report('enrolments/history');
    assert.deepEqual(
      history.items.map((item) => [item.learnerId, item.action, item.occurredAt]),
      [
        ['ann', 'enrolled', '2025-03-01T08:00:00.000Z'],
        ['bob', 'enrolled', '2025-03-01T09:00:00.000Z'],
        ['bob', 'unenrolled', '2025-03-06T09:00:00.000Z'],
      ],
    );
    const bobs: unknown[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await report(
        `enrolments/history?learnerId=bob&limit=1${cursor == null ? '' : `&cursor=${cursor}`}`,
      );
      bobs.push(...page.items.map((item) => item.action));
      cursor = page.nextCursor;
    } while (cursor != null);
    assert.deepEqual(bobs, ['enrolled', 'unenrolled']);
    const late = await report('enrolments/history?from=2025-03-02');
    assert.deepEqual(
      late.items.map((item) => item.action),
      ['unenrolled'],
    );
  });

  it('videos: plays, pauses and distinct viewers per video over the days asked for', async () => {
    const body = await report('videos?from=2025-03-01&to=2025-03-06');
    assert.deepEqual(body.items, [
      { objectId: VIDEO, events: 3, plays: 2, pauses: 1, completions: 0, viewers: 2 },
    ]);
    const before = await report('videos?from=2025-03-05&to=2025-03-05');
    assert.deepEqual(before.items, [
      { objectId: VIDEO, events: 2, plays: 1, pauses: 1, completions: 0, viewers: 1 },
    ]);
  });

  it('at-risk: latest assessment per learner, highest score first, medium and high by default, paged', async () => {
    const first = await report('at-risk?limit=2');
    assert.deepEqual(first.counts, { low: 1, medium: 2, high: 1 });
    assert.deepEqual(
      first.items.map((item) => [item.learnerId, item.score, item.level]),
      [
        ['ann', 0.82, 'high'],
        ['bob', 0.55, 'medium'],
      ],
    );
    const ann = first.items[0];
    assert.deepEqual(ann?.reasons, [
      {
        detector: 'inactivity',
        text: 'no activity for 2 days (cohort median 2)',
        weight: 0.5,
        evidence: { daysInactive: 2 },
      },
    ]);
    assert.equal(ann.modelVersion, 'test-1');
    assert.equal(ann.asOf, '2025-03-06T00:00:00.000Z');
    assert.equal(ann.lastActivityAt, '2025-03-05T12:00:00.000Z');
    const second = await report(`at-risk?limit=2&cursor=${String(first.nextCursor)}`);
    assert.deepEqual(
      second.items.map((item) => item.learnerId),
      ['dan'],
    );
    assert.equal(second.nextCursor, null);
    const low = await report('at-risk?level=low');
    assert.deepEqual(
      low.items.map((item) => item.learnerId),
      ['cat'],
    );
  });

  it("never shows one tenant another tenant's rows, in any report", async () => {
    const b = t.tenants[1].authorization;
    const engagement = await report('engagement?from=2025-03-01&to=2025-03-06', b);
    assert.equal(engagement.totalEvents, 4);
    assert.equal(engagement.activeLearners, 1);
    const completion = await report('completion', b);
    assert.deepEqual(completion.course, {
      activities: 3,
      learners: 1,
      completers: 0,
      completionRate: 0,
    });
    const scores = await report('scores', b);
    assert.deepEqual(
      scores.items.map((item) => [item.scores, item.mean]),
      [[1, 0.1]],
    );
    const enrolments = await report('enrolments?status=all', b);
    assert.deepEqual(
      enrolments.items.map((item) => item.learnerId),
      ['zed'],
    );
    const history = await report('enrolments/history', b);
    assert.deepEqual(
      history.items.map((item) => item.learnerId),
      ['zed'],
    );
    const videos = await report('videos?from=2025-03-01&to=2025-03-06', b);
    assert.deepEqual(
      videos.items.map((item) => [item.plays, item.viewers]),
      [[1, 1]],
    );
    const atRisk = await report('at-risk?level=low,medium,high', b);
    assert.deepEqual(
      atRisk.items.map((item) => item.learnerId),
      ['zed'],
    );
    // A cursor made from the other tenant's rows moves only within one's own.
    const forged = Buffer.from(JSON.stringify([1, 'a'])).toString('base64url');
    const mine = await report(`at-risk?cursor=${forged}&level=low,medium,high`, b);
    assert.deepEqual(
      mine.items.map((item) => item.learnerId),
      ['zed'],
    );
  });

  it('reads the rollup tables, not the raw events', async () => {
    const [a] = t.tenants;
    await t.clickhouse.command({
      query: `INSERT INTO video_engagement
              SELECT {tenant:String}, {course:String}, 'urn:video:only-in-rollup', toDate('2025-01-10'),
                     9, 5, 3, 1, uniqState(arrayJoin(['p', 'q', 'r']))`,
      query_params: { tenant: a.tenant, course: COURSE },
    });
    const body = await report('videos?from=2025-01-10&to=2025-01-10');
    assert.deepEqual(body.items, [
      {
        objectId: 'urn:video:only-in-rollup',
        events: 9,
        plays: 5,
        pauses: 3,
        completions: 1,
        viewers: 3,
      },
    ]);
  });

  it('answers 400 naming the parameter and the rule', async () => {
    const cases: [string, string, RegExp][] = [
      ['completion?limit=0', 'limit', /whole number from 1 to 1000/],
      ['completion?limit=abc', 'limit', /whole number/],
      ['completion?cursor=bm9wZQ', 'cursor', /not a cursor of this list/],
      ['scores?course=x', 'course', /not a known parameter \(objectId, limit, cursor\)/],
      ['engagement?interval=month', 'interval', /day or week/],
      ['engagement?from=2025-03-07&to=2025-03-01', 'from', /must not be after to/],
      ['at-risk?level=critical', 'level', /low, medium, high/],
      ['enrolments?status=gone', 'status', /enrolled, unenrolled or all/],
      ['videos?from=2024-01-01&to=2025-06-01', 'to', /at most 366 days/],
    ];
    for (const [path, param, rule] of cases) {
      const response = await get(path, t.tenants[0].authorization);
      assert.equal(response.status, 400, path);
      const body = (await response.json()) as { errors: { param: string; rule: string }[] };
      assert.equal(body.errors[0]?.param, param, path);
      assert.match(body.errors[0].rule, rule, path);
    }
  });

  it("answers 403 to a credential without all/read (an LMS's write-only one)", async () => {
    for (const path of ['engagement', 'at-risk', 'activity']) {
      const response = await get(path, t.writeOnly.authorization);
      assert.equal(response.status, 403, path);
      assert.match(((await response.json()) as { message: string }).message, /all\/read/);
    }
  });

  it('answers 401 without credentials on every report', async () => {
    for (const path of [
      'engagement',
      'completion',
      'scores',
      'enrolments',
      'enrolments/history',
      'videos',
      'at-risk',
    ]) {
      const response = await get(path);
      assert.equal(response.status, 401, path);
      assert.equal(response.headers.get('www-authenticate'), 'Basic realm="learnpulse"');
    }
  });
});
