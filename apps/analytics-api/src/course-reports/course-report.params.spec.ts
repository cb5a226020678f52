import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCursor } from '../params/page-cursor';
import {
  parseAtRiskParams,
  parseEngagementParams,
  parseEnrolmentHistoryParams,
  parseObjectListParams,
  parseVideosParams,
} from './course-report.params';

const NOW = Date.parse('2025-03-12T15:30:00Z');
const COURSE = 'https://lms.example.edu/course/DATA101';

describe('course report parameters', () => {
  it('engagement: daily by default over the last 30 days', () => {
    assert.deepEqual(parseEngagementParams(COURSE, {}, NOW), {
      ok: true,
      value: { courseId: COURSE, range: { from: '2025-02-11', to: '2025-03-12' }, interval: 'day' },
    });
  });

  it('reports the path id and the query errors together', () => {
    const result = parseEngagementParams(' ', { interval: 'month' }, NOW);
    assert.deepEqual(result, {
      ok: false,
      errors: [
        { param: 'courseId', rule: 'must not be empty' },
        { param: 'interval', rule: 'must be day or week' },
      ],
    });
  });

  it('object lists: limit defaults to 100, a cursor carries the last object id', () => {
    const cursor = encodeCursor(['urn:a']);
    assert.deepEqual(parseObjectListParams(COURSE, { cursor, limit: '5' }), {
      ok: true,
      value: { courseId: COURSE, objectId: undefined, paging: { limit: 5, after: ['urn:a'] } },
    });
    const defaults = parseObjectListParams(COURSE, {});
    assert.equal(defaults.ok && defaults.value.paging.limit, 100);
    assert.deepEqual(parseObjectListParams(COURSE, { limit: '1001' }), {
      ok: false,
      errors: [{ param: 'limit', rule: 'must be a whole number from 1 to 1000' }],
    });
    assert.deepEqual(parseObjectListParams(COURSE, { cursor: encodeCursor([1]) }), {
      ok: false,
      errors: [{ param: 'cursor', rule: 'is not a cursor of this list' }],
    });
  });

  it('videos: both the range and the paging rules', () => {
    const result = parseVideosParams(
      COURSE,
      { from: '2025-03-05', to: '2025-03-01', cursor: 'x' },
      NOW,
    );
    if (result.ok) assert.fail('accepted a reversed range and a bad cursor');
    assert.deepEqual(
      result.errors.map((error) => error.param),
      ['from', 'cursor'],
    );
  });

  it('enrolment history: optional days in order, a (time, id) cursor', () => {
    const cursor = encodeCursor([1741000000000, '00000000-0000-0000-0000-000000000001']);
    const result = parseEnrolmentHistoryParams(COURSE, {
      learnerId: 'ann',
      from: '2025-03-01',
      cursor,
    });
    assert.equal(result.ok && result.value.paging.after?.[0], 1741000000000);
    assert.deepEqual(
      parseEnrolmentHistoryParams(COURSE, { from: '2025-03-02', to: '2025-03-01' }),
      {
        ok: false,
        errors: [{ param: 'from', rule: 'must not be after to (2025-03-01)' }],
      },
    );
  });

  it('at-risk: medium and high by default, a comma list of levels, nothing else', () => {
    const defaults = parseAtRiskParams(COURSE, {});
    assert.deepEqual(defaults.ok && defaults.value.levels, ['medium', 'high']);
    const list = parseAtRiskParams(COURSE, { level: 'high, low,high' });
    assert.deepEqual(list.ok && list.value.levels, ['high', 'low']);
    assert.deepEqual(parseAtRiskParams(COURSE, { level: 'critical' }), {
      ok: false,
      errors: [{ param: 'level', rule: 'must be a comma list of low, medium, high' }],
    });
    assert.deepEqual(parseAtRiskParams(COURSE, { tenant: 'other' }), {
      ok: false,
      errors: [{ param: 'tenant', rule: 'is not a known parameter (level, limit, cursor)' }],
    });
  });
});
