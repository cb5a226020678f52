import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStorableTime, toDateTime64 } from './date-time64';

describe('toDateTime64', () => {
  it('formats epoch milliseconds as UTC text with milliseconds', () => {
    assert.equal(toDateTime64(Date.UTC(2024, 4, 1, 10, 20, 30, 123)), '2024-05-01 10:20:30.123');
    assert.equal(toDateTime64(0), '1970-01-01 00:00:00.000');
    assert.equal(toDateTime64(Date.UTC(1969, 11, 31, 23, 59, 59, 7)), '1969-12-31 23:59:59.007');
  });

  it('agrees with toISOString on every kind of time, day after day', () => {
    const times = [Date.UTC(1900, 0, 1), Date.UTC(2299, 11, 31, 23, 59, 59, 999), -1, 1];
    for (let k = 0; k < 2000; k += 1) times.push(Date.UTC(2024, 0, 1) + k * 37_000_123.4);
    for (const time of times) {
      const iso = new Date(Math.trunc(time)).toISOString();
      assert.equal(toDateTime64(time), `${iso.slice(0, 10)} ${iso.slice(11, 23)}`, String(time));
    }
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
