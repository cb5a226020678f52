import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { BlockedBloomFilter } from './blocked-bloom-filter';

/** The false-positive rate a full layer should show: a Poisson load of blocks, 16 words each. */
function expectedRate(bitsPerElement: number): number {
  const load = 512 / bitsPerElement;
  let poisson = Math.exp(-load);
  let rate = 0;
  for (let n = 0; n < 400; n += 1) {
    if (n > 0) poisson *= load / n;
    rate += poisson * (1 - (31 / 32) ** n) ** 16;
  }
  return rate;
}

const fill = (filter: BlockedBloomFilter, count: number): string[] => {
  const added = Array.from({ length: count }, () => `t\u0000${randomUUID()}`);
  for (const element of added) filter.add(element);
  return added;
};

const measuredRate = (filter: BlockedBloomFilter, trials: number): number => {
  let positives = 0;
  for (let i = 0; i < trials; i += 1) if (filter.has(`t\u0000${randomUUID()}`)) positives += 1;
  return positives / trials;
};

describe('BlockedBloomFilter', () => {
  it('always finds what was added, across the layers it grows', () => {
    const filter = new BlockedBloomFilter({ initialCapacity: 100, bitsPerElement: 40 });
    const added = fill(filter, 10_000);
    assert.ok(added.every((element) => filter.has(element)));
    assert.equal(filter.count, 10_000);
  });

  it('says no for elements never added', () => {
    const filter = new BlockedBloomFilter({ initialCapacity: 10, bitsPerElement: 40 });
    assert.equal(filter.has('a'), false);
    filter.add('a');
    assert.equal(filter.has('a'), true);
    assert.equal(filter.has('b'), false);
  });

  it('keeps false positives at the rate its blocks predict, for one full layer', () => {
    // 16 bits an element gives ~1.8e-3: measurable in 200,000 trials, unlike 40 bits' 1e-6.
    const filter = new BlockedBloomFilter({ initialCapacity: 50_000, bitsPerElement: 16 });
    fill(filter, 50_000);
    const rate = measuredRate(filter, 200_000);
    const expected = expectedRate(16);
    assert.ok(rate < expected * 1.3, `rate ${rate}, expected ${expected}`);
    assert.ok(rate > expected * 0.7, `rate ${rate}, expected ${expected}`);
  });

  it('keeps false positives below the layers summed for keys that differ in a few characters', () => {
    const filter = new BlockedBloomFilter({ initialCapacity: 5_000, bitsPerElement: 20 });
    const key = (i: number): string =>
      `tenant-a\u000000000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    // 5,000 + 20,000 fills two layers; 80,000 more start a third.
    for (let i = 0; i < 105_000; i += 1) filter.add(key(i));
    let positives = 0;
    for (let i = 105_000; i < 305_000; i += 1) if (filter.has(key(i))) positives += 1;
    assert.ok(positives / 200_000 < 3 * expectedRate(20), `rate ${positives / 200_000}`);
  });

  it('grows by layers four times bigger, so memory follows what was added', () => {
    const filter = new BlockedBloomFilter({ initialCapacity: 1_000, bitsPerElement: 40 });
    const oneLayer = filter.bytes;
    assert.equal(oneLayer, Math.ceil((1_000 * 40) / 512) * 64);
    fill(filter, 1_000);
    assert.equal(filter.bytes, oneLayer);
    fill(filter, 1);
    assert.equal(filter.bytes, oneLayer + Math.ceil((4_000 * 40) / 512) * 64);
  });

  it('rejects options that cannot make a filter', () => {
    assert.throws(() => new BlockedBloomFilter({ initialCapacity: 0, bitsPerElement: 40 }));
    assert.throws(() => new BlockedBloomFilter({ initialCapacity: 10, bitsPerElement: 0 }));
  });
});
