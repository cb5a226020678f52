import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { digest, ScalableBloomFilter } from './bloom-filter';

describe('ScalableBloomFilter', () => {
  it('always finds what was added, across the layers it grows', () => {
    const filter = new ScalableBloomFilter({ initialCapacity: 100, falsePositiveRate: 0.001 });
    const added = Array.from({ length: 5_000 }, () => `demo:${randomUUID()}`);
    for (const id of added) filter.add(id);
    assert.ok(added.every((id) => filter.has(id)));
    // An element that tests positive before it is added (a false positive) is not counted.
    assert.ok(filter.count > 4_950 && filter.count <= 5_000, `count ${filter.count}`);
  });

  it('keeps false positives near the target rate', () => {
    const filter = new ScalableBloomFilter({ initialCapacity: 1_000, falsePositiveRate: 0.01 });
    for (let i = 0; i < 20_000; i++) filter.add(`t:${randomUUID()}`);
    let positives = 0;
    const trials = 50_000;
    for (let i = 0; i < trials; i++) if (filter.has(`t:${randomUUID()}`)) positives += 1;
    assert.ok(positives / trials < 0.02, `false-positive rate ${positives / trials}`);
  });

  it('keeps false positives near the target rate for keys that differ in a few characters', () => {
    const filter = new ScalableBloomFilter({ initialCapacity: 20_000, falsePositiveRate: 0.01 });
    const key = (i: number): string =>
      `tenant-a:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    for (let i = 0; i < 20_000; i++) filter.add(key(i));
    let positives = 0;
    for (let i = 20_000; i < 70_000; i++) if (filter.has(key(i))) positives += 1;
    assert.ok(positives / 50_000 < 0.02, `false-positive rate ${positives / 50_000}`);
  });

  it('derives two different 32-bit hashes, the second odd', () => {
    const [h1, h2] = digest('demo:8f0c2a4e-2d1b-4c3a-9e5f-0a1b2c3d4e5f');
    assert.ok(Number.isInteger(h1) && h1 >= 0 && h1 < 2 ** 32);
    assert.ok(Number.isInteger(h2) && h2 >= 0 && h2 < 2 ** 32 && h2 % 2 === 1);
    assert.notEqual(h1, h2);
    assert.notDeepEqual(digest('a'), digest('b'));
  });

  it('says no for elements never added to an empty filter', () => {
    const filter = new ScalableBloomFilter({ initialCapacity: 10, falsePositiveRate: 0.001 });
    assert.equal(filter.has('a'), false);
    filter.add('a');
    assert.equal(filter.has('a'), true);
    assert.equal(filter.has('b'), false);
  });

  it('does not count an element added twice', () => {
    const filter = new ScalableBloomFilter({ initialCapacity: 10, falsePositiveRate: 0.001 });
    filter.add('x');
    filter.add('x');
    assert.equal(filter.count, 1);
  });

  it('uses about two bytes per element at 0.1 %', () => {
    const filter = new ScalableBloomFilter({
      initialCapacity: 1_000_000,
      falsePositiveRate: 0.001,
    });
    assert.ok(filter.bytes < 2.5 * 1_000_000, `${filter.bytes} bytes`);
  });

  it('refuses nonsense sizes', () => {
    assert.throws(() => new ScalableBloomFilter({ initialCapacity: 0, falsePositiveRate: 0.01 }));
    assert.throws(() => new ScalableBloomFilter({ initialCapacity: 10, falsePositiveRate: 1 }));
  });
});
