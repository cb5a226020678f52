import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatementRefTenants } from './statement-ref-tenants';

/** A store whose StatementRef tenants and consistent-through time the test sets. */
function fakeStore(through: number, tenants: string[] = []) {
  const store = { through, tenants, reads: 0 };
  const refs = new StatementRefTenants(
    () => {
      store.reads += 1;
      return Promise.resolve([...store.tenants]);
    },
    () => Promise.resolve(store.through),
  );
  return { store, refs };
}

describe('StatementRefTenants', () => {
  it('answers from one read for every page bound up to the time it was exact', async () => {
    const { store, refs } = fakeStore(1000, ['with-refs']);
    assert.equal(await refs.mayHold('plain', 1000), false);
    assert.equal(await refs.mayHold('plain', 400), false);
    assert.equal(await refs.mayHold('with-refs', 1000), true);
    assert.equal(store.reads, 1);
  });

  it('reads again for a later bound, and sees a tenant that stored its first StatementRef', async () => {
    const { store, refs } = fakeStore(1000);
    assert.equal(await refs.mayHold('uni', 1000), false);
    store.tenants.push('uni');
    store.through = 2000;
    assert.equal(await refs.mayHold('uni', 1500), true);
    assert.equal(store.reads, 2);
    // Once seen, the tenant keeps the full query without asking again.
    assert.equal(await refs.mayHold('uni', 5000), true);
    assert.equal(store.reads, 2);
  });

  it('keeps the StatementRef part when the store is not known to be complete up to the bound', async () => {
    const { store, refs } = fakeStore(1000);
    assert.equal(await refs.mayHold('uni', 1001), true);
    assert.equal(store.reads, 1);
  });

  it('shares one read between concurrent pages', async () => {
    const { store, refs } = fakeStore(1000);
    const answers = await Promise.all([
      refs.mayHold('a', 900),
      refs.mayHold('b', 950),
      refs.mayHold('c', 1000),
    ]);
    assert.deepEqual(answers, [false, false, false]);
    assert.equal(store.reads, 1);
  });

  it('asks again after a failed read instead of trusting it', async () => {
    let fail = true;
    const refs = new StatementRefTenants(
      () => (fail ? Promise.reject(new Error('ClickHouse is down')) : Promise.resolve([])),
      () => Promise.resolve(1000),
    );
    await assert.rejects(refs.mayHold('uni', 1000), /ClickHouse is down/);
    fail = false;
    assert.equal(await refs.mayHold('uni', 1000), false);
  });
});
