import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasAnyScope, parseScopes, readsOnlyOwnStatements, type Scope } from './scopes';

describe('hasAnyScope', () => {
  it('lets `all` do anything', () => {
    assert.equal(hasAnyScope(['all'], ['statements/write']), true);
    assert.equal(hasAnyScope(['all'], ['state', 'define']), true);
  });

  it('passes a route that requires nothing', () => {
    assert.equal(hasAnyScope(['statements/read'], []), true);
  });

  it('needs one of the required scopes', () => {
    assert.equal(hasAnyScope(['statements/write'], ['statements/write']), true);
    assert.equal(hasAnyScope(['statements/write'], ['statements/read']), false);
    assert.equal(hasAnyScope(['statements/read'], ['statements/write']), false);
    assert.equal(hasAnyScope(['define'], ['statements/write', 'define']), true);
    assert.equal(hasAnyScope(['profile', 'state'], ['statements/write']), false);
  });

  it('lets statements/read/mine and all/read pass a statements read requirement', () => {
    const mine: Scope[] = ['statements/read/mine'];
    assert.equal(hasAnyScope(mine, ['statements/read']), true);
    assert.equal(hasAnyScope(['all/read'], ['statements/read']), true);
    assert.equal(hasAnyScope(mine, ['statements/write']), false);
    assert.equal(hasAnyScope(['all/read'], ['statements/write']), false);
  });
});

describe('readsOnlyOwnStatements', () => {
  it('is true for statements/read/mine without a wider read scope', () => {
    assert.equal(readsOnlyOwnStatements(['statements/read/mine', 'statements/write']), true);
    assert.equal(readsOnlyOwnStatements(['statements/read/mine', 'statements/read']), false);
    assert.equal(readsOnlyOwnStatements(['statements/read/mine', 'all']), false);
    assert.equal(readsOnlyOwnStatements(['statements/read/mine', 'all/read']), false);
    assert.equal(readsOnlyOwnStatements(['statements/read']), false);
  });
});

describe('parseScopes', () => {
  it('reads comma- or plus-separated scopes once each', () => {
    assert.deepEqual(parseScopes('statements/write, statements/read+statements/write'), [
      'statements/write',
      'statements/read',
    ]);
  });

  it('refuses an unknown or empty list, naming the valid scopes', () => {
    assert.throws(
      () => parseScopes('statements/delete'),
      /unknown scope statements\/delete; valid: .*all/,
    );
    assert.throws(() => parseScopes(' , '), /none given/);
  });
});
