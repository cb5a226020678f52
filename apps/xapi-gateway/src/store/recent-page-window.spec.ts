import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentPageWindow } from './recent-page-window';

const HOUR = 3_600_000;
const BOUND = Date.UTC(2026, 11, 3, 12);
const newest = { limit: 100, ascending: false, bound: BOUND };

describe('RecentPageWindow', () => {
  it('tries the last hour before the page top first: the bound, until or the cursor', () => {
    const window = new RecentPageWindow();
    assert.equal(window.sinceFor('t', {}, newest), BOUND - HOUR);
    assert.equal(window.sinceFor('t', { until: BOUND - 5 * HOUR }, newest), BOUND - 6 * HOUR);
    const after = { stored: BOUND - 2 * HOUR, id: '00000000-0000-4000-8000-000000000001' };
    assert.equal(window.sinceFor('t', {}, { ...newest, after }), BOUND - 3 * HOUR);
  });

  it('keeps a since that is already narrower, and a wider since gets the window', () => {
    const window = new RecentPageWindow();
    assert.equal(window.sinceFor('t', { since: BOUND - HOUR / 2 }, newest), undefined);
    assert.equal(window.sinceFor('t', { since: BOUND - 48 * HOUR }, newest), BOUND - HOUR);
  });

  it('leaves filtered and oldest-first pages alone', () => {
    const window = new RecentPageWindow();
    for (const filters of [
      { agent: 'mbox:mailto:a@example.org' },
      { verb: 'http://adlnet.gov/expapi/verbs/completed' },
      { activity: 'https://lms.example.edu/course/1' },
      { registration: '00000000-0000-4000-8000-000000000002' },
    ]) {
      assert.equal(window.sinceFor('t', filters, newest), undefined);
    }
    assert.equal(window.sinceFor('t', {}, { ...newest, ascending: true }), undefined);
    assert.equal(window.sinceFor('t', { authorityKey: 'k' }, newest), BOUND - HOUR);
  });

  it('widens 16 times per short window, per tenant, and stops guessing past 30 days', () => {
    const window = new RecentPageWindow();
    window.widen('sparse');
    assert.equal(window.sinceFor('sparse', {}, newest), BOUND - 16 * HOUR);
    assert.equal(window.sinceFor('busy', {}, newest), BOUND - HOUR);
    window.widen('sparse');
    assert.equal(window.sinceFor('sparse', {}, newest), BOUND - 256 * HOUR);
    window.widen('sparse');
    assert.equal(window.sinceFor('sparse', {}, newest), undefined);
  });
});
