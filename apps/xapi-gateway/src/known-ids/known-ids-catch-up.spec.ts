import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CatchUp, tailTargets } from './known-ids-catch-up';

describe('tailTargets', () => {
  it('starts at the writer commit, or at the log start when there is none', () => {
    const targets = tailTargets(
      [
        { partition: 0, low: '0', high: '10' },
        { partition: 1, low: '5', high: '7' },
        { partition: 2, low: '0', high: '0' },
      ],
      [
        { partition: 0, offset: '8' },
        { partition: 1, offset: '-1' },
      ],
    );
    assert.deepEqual(targets, [
      { partition: 0, start: 8n, end: 10n },
      { partition: 1, start: 5n, end: 7n },
      { partition: 2, start: 0n, end: 0n },
    ]);
  });
});

describe('CatchUp', () => {
  it('is done at once when every partition starts at its end', () => {
    assert.equal(new CatchUp([{ partition: 0, start: 4n, end: 4n }]).done, true);
  });

  it('is done once every partition was read up to the end read at start', () => {
    const catchUp = new CatchUp([
      { partition: 0, start: 0n, end: 3n },
      { partition: 1, start: 2n, end: 5n },
    ]);
    catchUp.advance(0, 3n);
    assert.equal(catchUp.done, false);
    catchUp.advance(1, 4n);
    assert.equal(catchUp.done, false);
    catchUp.advance(1, 6n);
    assert.equal(catchUp.done, true);
  });
});
