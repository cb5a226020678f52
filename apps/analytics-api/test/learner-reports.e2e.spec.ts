import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAnalyticsTestApp, type AnalyticsTestApp } from './analytics-test-app';
import { COURSE, courseEvents, OTHER_COURSE, PAGE, QUIZ, VIDEO } from './report-fixtures';

type Json = Record<string, unknown> & {
  items: Record<string, unknown>[];
  nextCursor: string | null;
};

describe('learner reports (GET /v1/learners/:learnerId/...)', () => {
  let t: AnalyticsTestApp;

  const get = async (learner: string, path: string, authorization?: string): Promise<Response> =>
    fetch(`${t.baseUrl}/v1/learners/${encodeURIComponent(learner)}/${path}`, {
      headers: authorization === undefined ? {} : { authorization },
    });
  const report = async (
    learner: string,
    path: string,
    authorization = t.tenants[0].authorization,
  ): Promise<Json> => {
    const response = await get(learner, path, authorization);
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return (await response.json()) as Json;
  };
  const allPages = async (learner: string, path: string): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const page = await report(learner, `${path}${cursor === null ? '' : `&cursor=${cursor}`}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  };

  before(async () => {
    t = await startAnalyticsTestApp();
    const [a, b] = t.tenants;
    const events = courseEvents(a.tenant, b.tenant);
    await t.insertEvents(events.slice(0, 5));
    await t.insertEvents(events.slice(5));
  });

  after(async () => {
    await t.close();
  });

  it("activity: a learner's days per course with events per action and scores", async () => {
    const body = await report('ann', 'activity?from=2025-03-01&to=2025-03-06');
    assert.deepEqual(body.items, [
      {
        courseId: COURSE,
        date: '2025-03-01',
        events: 1,
        actions: { enrolled: 1 },
        firstActivityAt: '2025-03-01T08:00:00.000Z',
        lastActivityAt: '2025-03-01T08:00:00.000Z',
        scores: 0,
        meanScore: null,
      },
      {
        courseId: OTHER_COURSE,
        date: '2025-03-02',
        events: 1,
        actions: { viewed: 1 },
        firstActivityAt: '2025-03-02T10:00:00.000Z',
        lastActivityAt: '2025-03-02T10:00:00.000Z',
        scores: 0,
        meanScore: null,
      },
      {
        courseId: COURSE,
        date: '2025-03-03',
        events: 2,
        actions: { completed: 1, viewed: 1 },
        firstActivityAt: '2025-03-03T09:00:00.000Z',
        lastActivityAt: '2025-03-03T09:30:00.000Z',
        scores: 0,
        meanScore: null,
      },
      {
        courseId: COURSE,
        date: '2025-03-04',
        events: 2,
        actions: { played_video: 1, scored: 1 },
        firstActivityAt: '2025-03-04T11:00:00.000Z',
        lastActivityAt: '2025-03-04T12:00:00.000Z',
        scores: 1,
        meanScore: 0.95,
      },
    ]);
    const paged = await allPages('ann', 'activity?from=2025-03-01&to=2025-03-06&limit=3');
    assert.deepEqual(paged, body.items);
    const oneCourse = await report(
      'ann',
      `activity?from=2025-03-01&to=2025-03-06&courseId=${encodeURIComponent(OTHER_COURSE)}`,
    );
    assert.deepEqual(
      oneCourse.items.map((item) => item.date),
      ['2025-03-02'],
    );
  });

  it("timeline: the learner's events in time order, keyset-paged, newest first on request", async () => {
    const all = await report('ann', 'timeline');
    assert.deepEqual(
      all.items.map((item) => [item.occurredAt, item.action, item.objectId]),
      [
        ['2025-03-01T08:00:00.000Z', 'enrolled', COURSE],
        ['2025-03-02T10:00:00.000Z', 'viewed', `${OTHER_COURSE}/page9`],
        ['2025-03-03T09:00:00.000Z', 'viewed', PAGE],
        ['2025-03-03T09:30:00.000Z', 'completed', PAGE],
        ['2025-03-04T11:00:00.000Z', 'scored', QUIZ],
        ['2025-03-04T12:00:00.000Z', 'played_video', VIDEO],
      ],
    );
    assert.equal(all.nextCursor, null);
    const scored = all.items[4];
    assert.deepEqual(scored?.score, { raw: 9.5, min: 0, max: 10, scaled: 0.95 });
    assert.equal(scored.courseId, COURSE);
    assert.equal(scored.source, 'xapi');
    assert.equal(all.items[0]?.score, null);
    const paged = await allPages('ann', 'timeline?limit=2');
    assert.deepEqual(paged, all.items);
    const newest = await allPages('ann', 'timeline?limit=4&order=desc');
    assert.deepEqual(newest, [...all.items].reverse());
    const window = await report(
      'ann',
      `timeline?from=2025-03-03&to=2025-03-03&courseId=${encodeURIComponent(COURSE)}`,
    );
    assert.deepEqual(
      window.items.map((item) => item.action),
      ['viewed', 'completed'],
    );
  });

  it("never shows one tenant another tenant's learner", async () => {
    const [a, b] = t.tenants;
    assert.deepEqual((await report('zed', 'timeline', a.authorization)).items, []);
    assert.deepEqual((await report('ann', 'timeline', b.authorization)).items, []);
    assert.deepEqual(
      (await report('ann', 'activity?from=2025-03-01&to=2025-03-06', b.authorization)).items,
      [],
    );
    const zed = await report('zed', 'timeline', b.authorization);
    assert.equal(zed.items.length, 4);
  });

  it('answers 400 for bad parameters and 401 without credentials', async () => {
    const bad = await get('ann', 'timeline?order=sideways', t.tenants[0].authorization);
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { errors: { param: string; rule: string }[] };
    assert.deepEqual(body.errors, [{ param: 'order', rule: 'must be asc or desc' }]);
    const cursor = await get('ann', 'timeline?cursor=WyJ4Il0', t.tenants[0].authorization);
    assert.equal(cursor.status, 400);
    assert.equal((await get('ann', 'timeline')).status, 401);
    assert.equal((await get('ann', 'timeline', t.writeOnly.authorization)).status, 403);
    assert.equal((await get('ann', 'activity')).status, 401);
  });
});
