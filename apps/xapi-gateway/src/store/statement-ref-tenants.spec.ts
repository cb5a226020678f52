import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatementRefTenants } from './statement-ref-tenants';

function withTenants(tenants: string[]) {
  const store = { tenants, reads: 0 };
  const refs = new StatementRefTenants(() => {
    store.reads += 1;
    return Promise.resolve([...store.tenants]);
  });
  return { store, refs };
}

describe('StatementRefTenants', () => {
  it('keeps the full query for every tenant until it was prepared', () => {
    const { refs } = withTenants([]);
    assert.equal(refs.mayHold('uni', 0), true);
  });

  it('leaves the StatementRef part out only for tenants without any, up to the prepared time', async () => {
    const { store, refs } = withTenants(['with-refs']);
    await refs.prepare(1000);
    assert.equal(refs.mayHold('plain', 1000), false);
    assert.equal(refs.mayHold('plain', 400), false);
    assert.equal(refs.mayHold('plain', 1001), true, 'a bound it is not exact up to');
    assert.equal(refs.mayHold('with-refs', 1000), true);
    assert.equal(store.reads, 1, 'answers come from memory');
  });

  it('sees a tenant that stored its first StatementRef once prepared for a later time', async () => {
    const { store, refs } = withTenants([]);
    await refs.prepare(1000);
    assert.equal(refs.mayHold('uni', 1000), false);
    store.tenants.push('uni');
    await refs.prepare(2000);
    assert.equal(refs.mayHold('uni', 1000), true);
    // Tenants stay once seen, even if their StatementRefs go (erased): the full query is right.
    store.tenants.length = 0;
    await refs.prepare(3000);
    assert.equal(refs.mayHold('uni', 3000), true);
  });

  it('does not read again when the store is unchanged since its last read, but moves its time', async () => {
    const { store, refs } = withTenants([]);
    await refs.prepare(1000, true); // never read: an unchanged store still needs a first read
    assert.equal(store.reads, 1);
    await refs.prepare(2000, true);
    assert.equal(store.reads, 1);
    assert.equal(refs.mayHold('uni', 2000), false);
    store.tenants.push('uni');
    await refs.prepare(3000);
    assert.equal(store.reads, 2);
    assert.equal(refs.mayHold('uni', 3000), true);
  });

  it('keeps its previous exact time when a read fails', async () => {
    let fail = false;
    const refs = new StatementRefTenants(() =>
      fail ? Promise.reject(new Error('ClickHouse is down')) : Promise.resolve([]),
    );
    await refs.prepare(1000);
    fail = true;
    await assert.rejects(refs.prepare(2000), /ClickHouse is down/);
    assert.equal(refs.mayHold('uni', 1000), false);
    assert.equal(refs.mayHold('uni', 2000), true);
  });
});
