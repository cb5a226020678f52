import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeRowBlock } from './row-block';

const lines = (bytes: Buffer): unknown[] =>
  bytes
    .toString('utf8')
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);

describe('encodeRowBlock', () => {
  it('writes rows of one shape as compact lines in the first row key order', () => {
    const block = encodeRowBlock([
      { id: 'a', score: 0.5, payload: '{"x":"line\nbreak"}' },
      { score: null, id: 'b', payload: '' },
    ]);
    assert.equal(block.format, 'JSONCompactEachRow');
    assert.deepEqual(block.columns, ['id', 'score', 'payload']);
    assert.deepEqual(lines(block.bytes), [
      ['a', 0.5, '{"x":"line\nbreak"}'],
      ['b', null, ''],
    ]);
  });

  it('keeps column names when a row lacks a key or has another one', () => {
    for (const odd of [{ id: 'b' }, { id: 'b', score: 1, extra: true }, { id: 'b', other: 1 }]) {
      const rows = [{ id: 'a', score: 1 }, odd];
      const block = encodeRowBlock(rows);
      assert.equal(block.format, 'JSONEachRow');
      assert.deepEqual(block.columns, []);
      assert.deepEqual(lines(block.bytes), rows);
    }
  });

  it('encodes the same rows to the same bytes, so a retried batch is the same block', () => {
    const rows = [
      { id: 'é', n: 1 },
      { id: '\u2028', n: 2 },
    ];
    assert.deepEqual(encodeRowBlock(rows).bytes, encodeRowBlock(structuredClone(rows)).bytes);
  });

  it('refuses an empty batch', () => {
    assert.throws(() => encodeRowBlock([]), RangeError);
  });
});
