import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { IdTimeTable } from './id-time-table';

const key = (tenant: string, id: string): string => `${tenant}\u0000${id}`;

describe('IdTimeTable', () => {
  it('stores, updates and finds times by tenant and UUID', () => {
    const table = new IdTimeTable();
    const id = randomUUID();
    assert.equal(table.get(key('uni-a', id)), undefined);
    table.set(key('uni-a', id), 1000);
    assert.equal(table.get(key('uni-a', id)), 1000);
    table.set(key('uni-a', id), 2000);
    assert.equal(table.get(key('uni-a', id)), 2000);
    assert.equal(table.size, 1);
  });

  it('tells tenants apart, and a lookup for an unknown tenant misses', () => {
    const table = new IdTimeTable();
    const id = randomUUID();
    table.set(key('uni-a', id), 1);
    table.set(key('uni-b', id), 2);
    assert.equal(table.get(key('uni-a', id)), 1);
    assert.equal(table.get(key('uni-b', id)), 2);
    assert.equal(table.get(key('uni-c', id)), undefined);
    assert.equal(table.size, 2);
  });

  it('keeps keys that are not tenant + canonical UUID exactly too', () => {
    const table = new IdTimeTable();
    const id = randomUUID();
    for (const odd of [
      'a',
      key('uni-a', 'b'),
      key('uni-a', id.toUpperCase()),
      key('uni-a', `${id}x`),
    ]) {
      table.set(odd, 7);
      assert.equal(table.get(odd), 7, odd);
    }
    assert.equal(table.get(key('uni-a', id)), undefined);
    table.set(key('uni-a', id.replaceAll('-', '_')), 8);
    assert.equal(table.get(key('uni-a', id)), undefined);
    assert.equal(table.size, 5);
  });

  it('agrees with a Map through growth and retain', () => {
    const table = new IdTimeTable();
    const model = new Map<string, number>();
    const keys = Array.from({ length: 20_000 }, (_, i) =>
      key(`tenant-${i % 3}`, i % 500 === 0 ? `plain-${i}` : randomUUID()),
    );
    keys.forEach((k, i) => {
      table.set(k, i);
      model.set(k, i);
    });
    // Re-set a sample with new times, as a later batch would.
    for (let i = 0; i < keys.length; i += 7) {
      table.set(keys[i] as string, -i);
      model.set(keys[i] as string, -i);
    }
    const agree = (): void => {
      assert.equal(table.size, model.size);
      for (const k of keys) assert.equal(table.get(k), model.get(k));
      assert.deepEqual(
        [...table.timeValues()].sort((a, b) => a - b),
        [...model.values()].sort((a, b) => a - b),
      );
    };
    agree();
    table.retain((time) => time >= 10_000);
    for (const [k, time] of model) if (time < 10_000) model.delete(k);
    agree();
    assert.ok(model.size > 5_000);
    for (const k of keys.slice(0, 100)) assert.equal(table.get(k), undefined);
  });
});
