import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCursor } from './page-cursor';
import {
  boundsAndPaging,
  dayRangeParams,
  pagingParams,
  parseReportQuery,
  rangeAndPaging,
  reportQuery,
} from './report-query';

const NOW = Date.parse('2025-03-12T15:30:00Z');

describe('report query building blocks', () => {
  it('the spread shapes keep their place in the list of known parameters', () => {
    const query = reportQuery({
      ...dayRangeParams,
      objectId: pagingParams.cursor,
      ...pagingParams,
    });
    assert.deepEqual(parseReportQuery(query, { tenant: 'other' }), {
      ok: false,
      errors: [
        { param: 'tenant', rule: 'is not a known parameter (from, to, objectId, limit, cursor)' },
      ],
    });
    assert.deepEqual(parseReportQuery(query, {}), {
      ok: true,
      value: { limit: 100 },
    });
  });

  it('rangeAndPaging: the last 30 days by default, a page of the given shape', () => {
    const cursor = encodeCursor(['2025-03-01', 'c-1']);
    assert.deepEqual(rangeAndPaging({ limit: 5, cursor }, NOW, 'ss'), {
      ok: true,
      value: {
        range: { from: '2025-02-11', to: '2025-03-12' },
        paging: { limit: 5, after: ['2025-03-01', 'c-1'] },
      },
    });
  });

  it('rangeAndPaging: every broken rule of the range and the cursor', () => {
    assert.deepEqual(
      rangeAndPaging({ from: '2025-03-05', to: '2025-03-01', limit: 5, cursor: 'x' }, NOW, 's'),
      {
        ok: false,
        errors: [
          { param: 'from', rule: 'must not be after to (2025-03-01)' },
          { param: 'cursor', rule: 'is not a cursor of this list' },
        ],
      },
    );
  });

  it('boundsAndPaging: optional bounds without a default range', () => {
    assert.deepEqual(boundsAndPaging({ from: '2025-03-01', limit: 100 }, 'ns'), {
      ok: true,
      value: { from: '2025-03-01', to: undefined, paging: { limit: 100, after: undefined } },
    });
  });

  it('boundsAndPaging: a reversed range is the one error, then a bad cursor', () => {
    assert.deepEqual(
      boundsAndPaging({ from: '2025-03-02', to: '2025-03-01', limit: 1, cursor: 'x' }, 'ns'),
      { ok: false, errors: [{ param: 'from', rule: 'must not be after to (2025-03-01)' }] },
    );
    assert.deepEqual(boundsAndPaging({ limit: 1, cursor: encodeCursor(['a', 'b']) }, 'ns'), {
      ok: false,
      errors: [{ param: 'cursor', rule: 'is not a cursor of this list' }],
    });
  });
});
