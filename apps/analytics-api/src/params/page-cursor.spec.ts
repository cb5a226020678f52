import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, pageOf } from './page-cursor';

describe('page cursors', () => {
  it('round-trips a key of strings and numbers, floats exactly', () => {
    const key = [0.1 + 0.2, 'learner/ä é', 1741000000123];
    assert.deepEqual(decodeCursor(encodeCursor(key), 'nsn'), key);
  });

  it('refuses a cursor of another shape, bad base64 or JSON', () => {
    assert.equal(decodeCursor(encodeCursor(['a']), 'ns'), undefined);
    assert.equal(decodeCursor(encodeCursor([1]), 's'), undefined);
    assert.equal(decodeCursor('not base64!', 's'), undefined);
    assert.equal(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 's'), undefined);
    assert.equal(decodeCursor(Buffer.from('[1').toString('base64url'), 'n'), undefined);
  });

  it('pages limit rows and points the cursor at the last one only when a row is left over', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const full = pageOf(
      rows,
      2,
      (row) => [row.id],
      (row) => row.id,
    );
    assert.deepEqual(full.items, ['a', 'b']);
    assert.deepEqual(decodeCursor(full.nextCursor ?? '', 's'), ['b']);
    assert.deepEqual(
      pageOf(
        rows,
        3,
        (row) => [row.id],
        (row) => row.id,
      ).nextCursor,
      null,
    );
  });
});
