import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCursor } from '../params/page-cursor';
import { parseLearnerActivityParams, parseTimelineParams } from './learner-report.params';

const NOW = Date.parse('2025-03-12T15:30:00Z');

describe('learner report parameters', () => {
  it('activity: the last 30 days, a (date, courseId) cursor, an optional course', () => {
    const cursor = encodeCursor(['2025-03-01', 'DATA101']);
    assert.deepEqual(parseLearnerActivityParams('ann', { courseId: 'DATA101', cursor }, NOW), {
      ok: true,
      value: {
        learnerId: 'ann',
        courseId: 'DATA101',
        range: { from: '2025-02-11', to: '2025-03-12' },
        paging: { limit: 100, after: ['2025-03-01', 'DATA101'] },
      },
    });
  });

  it('activity: the path id, the range and the cursor errors together', () => {
    const result = parseLearnerActivityParams(
      '',
      { from: '2025-03-05', to: '2025-03-01', cursor: 'x' },
      NOW,
    );
    if (result.ok) assert.fail('accepted an empty id, a reversed range and a bad cursor');
    assert.deepEqual(
      result.errors.map((error) => error.param),
      ['learnerId'],
    );
    const query = parseLearnerActivityParams(
      'ann',
      { from: '2025-03-05', to: '2025-03-01', cursor: 'x' },
      NOW,
    );
    assert.deepEqual(query.ok ? [] : query.errors.map((error) => error.param), ['from', 'cursor']);
  });

  it('timeline: ascending by default, optional days in order, the known parameters', () => {
    assert.deepEqual(parseTimelineParams('ann', { to: '2025-03-01', order: 'desc' }), {
      ok: true,
      value: {
        learnerId: 'ann',
        courseId: undefined,
        from: undefined,
        to: '2025-03-01',
        order: 'desc',
        paging: { limit: 100, after: undefined },
      },
    });
    assert.deepEqual(parseTimelineParams('ann', { from: '2025-03-02', to: '2025-03-01' }), {
      ok: false,
      errors: [{ param: 'from', rule: 'must not be after to (2025-03-01)' }],
    });
    assert.deepEqual(parseTimelineParams('ann', { sort: 'asc' }), {
      ok: false,
      errors: [
        {
          param: 'sort',
          rule: 'is not a known parameter (courseId, from, to, order, limit, cursor)',
        },
      ],
    });
  });
});
