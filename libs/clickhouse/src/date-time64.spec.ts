import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStorableTime, toDateTime64 } from './date-time64';

describe('toDateTime64', () => {
  it('formats epoch milliseconds as UTC text with milliseconds', () => {
    assert.equal(toDateTime64(Date.UTC(2024, 4, 1, 10, 20, 30, 123)), '2024-05-01 10:20:30.123');
    assert.equal(toDateTime64(0), '1970-01-01 00:00:00.000');
  });

  it('refuses what is not a time', () => {
    assert.throws(() => toDateTime64(Number.NaN), RangeError);
  });

  it('knows the range DateTime64 can store', () => {
    assert.equal(isStorableTime(Date.UTC(2024, 0, 1)), true);
    assert.equal(isStorableTime(Date.UTC(1899, 11, 31)), false);
    assert.equal(isStorableTime(Date.UTC(2300, 0, 1)), false);
  });
});
