import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentStatements } from './recent-statements';

const content = { json: '{"a":1}', isVoiding: false };

describe('RecentStatements', () => {
  it('finds a committed id (any case) within the time window', async () => {
    let now = 1000;
    const recent = new RecentStatements({ ttlMs: 60_000, now: () => now });
    recent.reserve('t', 'ABC', content).commit();
    const entry = recent.get('t', 'abc');
    assert.ok(entry);
    assert.equal(entry.json, '{"a":1}');
    assert.equal(await entry.written, true);
    assert.equal(recent.get('other', 'abc'), undefined);
    now += 60_001;
    assert.equal(recent.get('t', 'abc'), undefined);
  });

  it('frees a released id and tells waiters the send failed', async () => {
    const recent = new RecentStatements();
    const reservation = recent.reserve('t', 'a', content);
    const pending = recent.get('t', 'a');
    reservation.release();
    assert.equal(await pending?.written, false);
    assert.equal(recent.get('t', 'a'), undefined);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const recent = new RecentStatements({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) recent.reserve('t', id, content).commit();
    assert.equal(recent.size, 2);
    assert.equal(recent.get('t', 'a'), undefined);
    assert.ok(recent.get('t', 'c'));
  });

  it('counts a re-reserved id from its latest reservation when dropping the oldest', () => {
    const recent = new RecentStatements({ maxEntries: 2 });
    recent.reserve('t', 'a', content).commit();
    recent.reserve('t', 'b', content).commit();
    recent.reserve('t', 'a', { json: '{"a":2}', isVoiding: false }).commit();
    recent.reserve('t', 'c', content).commit();
    assert.equal(recent.size, 2);
    assert.equal(recent.get('t', 'b'), undefined);
    assert.equal(recent.get('t', 'a')?.json, '{"a":2}');
    assert.ok(recent.get('t', 'c'));
  });

  it('expires entries in reservation order over many windows', () => {
    let now = 0;
    const recent = new RecentStatements({ ttlMs: 1_000, maxEntries: 1_000_000, now: () => now });
    for (let i = 0; i < 50_000; i += 1) {
      now = i;
      recent.reserve('t', `id-${i}`, content).commit();
    }
    // Entries committed in the last second remain; older ones were evicted as time went on.
    assert.equal(recent.size, 1_000);
    assert.equal(recent.get('t', 'id-48999'), undefined);
    assert.ok(recent.get('t', 'id-49000'));
  });
});
