import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysInRange, eachDay, parseActivityRange, type RangeResult } from './activity-range';

const NOW = Date.parse('2025-03-12T15:30:00Z');

function errorsOf(result: RangeResult): { param: string; rule: string }[] {
  if (result.ok) assert.fail(`expected errors, got ${JSON.stringify(result.range)}`);
  return result.errors;
}

describe('parseActivityRange', () => {
  it('defaults to the last 30 days up to today (UTC)', () => {
    assert.deepEqual(parseActivityRange({}, NOW), {
      ok: true,
      range: { from: '2025-02-11', to: '2025-03-12' },
    });
    assert.deepEqual(parseActivityRange(undefined, NOW), parseActivityRange({}, NOW));
  });

  it('takes the 30 days before a given `to` when `from` is missing', () => {
    assert.deepEqual(parseActivityRange({ to: '2024-03-01' }, NOW), {
      ok: true,
      range: { from: '2024-02-01', to: '2024-03-01' },
    });
  });

  it('accepts a single day and a range of exactly 366 days', () => {
    assert.deepEqual(parseActivityRange({ from: '2025-01-05', to: '2025-01-05' }, NOW), {
      ok: true,
      range: { from: '2025-01-05', to: '2025-01-05' },
    });
    assert.equal(parseActivityRange({ from: '2024-01-01', to: '2024-12-31' }, NOW).ok, true);
  });

  it('rejects a value that is not YYYY-MM-DD, naming the parameter', () => {
    assert.deepEqual(errorsOf(parseActivityRange({ from: '2025-1-5' }, NOW)), [
      { param: 'from', rule: 'must be a date YYYY-MM-DD' },
    ]);
    assert.deepEqual(errorsOf(parseActivityRange({ to: '2025-01-05T00:00:00Z' }, NOW)), [
      { param: 'to', rule: 'must be a date YYYY-MM-DD' },
    ]);
  });

  it('rejects a day that does not exist in the calendar', () => {
    assert.deepEqual(errorsOf(parseActivityRange({ from: '2025-02-29', to: '2025-03-01' }, NOW)), [
      { param: 'from', rule: 'must be a real calendar date' },
    ]);
    assert.equal(parseActivityRange({ from: '2024-02-29', to: '2024-03-01' }, NOW).ok, true);
  });

  it('rejects a repeated parameter', () => {
    const errors = errorsOf(parseActivityRange({ from: ['2025-01-01', '2025-01-02'] }, NOW));
    assert.equal(errors[0]?.param, 'from');
  });

  it('rejects `from` after `to`', () => {
    assert.deepEqual(errorsOf(parseActivityRange({ from: '2025-03-02', to: '2025-03-01' }, NOW)), [
      { param: 'from', rule: 'must not be after to (2025-03-01)' },
    ]);
  });

  it('rejects a range of more than 366 days', () => {
    const errors = errorsOf(parseActivityRange({ from: '2023-01-01', to: '2024-01-02' }, NOW));
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.param, 'to');
    assert.match(errors[0].rule, /at most 366 days/);
  });

  it('rejects unknown parameters, so a typo does not silently fall back to the default', () => {
    assert.deepEqual(errorsOf(parseActivityRange({ form: '2025-01-01' }, NOW)), [
      { param: 'form', rule: 'is not a known parameter (from, to)' },
    ]);
  });
});

describe('eachDay', () => {
  it('lists every day of the range across a month end, both ends included', () => {
    const range = { from: '2024-02-27', to: '2024-03-02' };
    assert.deepEqual(eachDay(range), [
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
    assert.equal(daysInRange(range), 5);
  });
});
