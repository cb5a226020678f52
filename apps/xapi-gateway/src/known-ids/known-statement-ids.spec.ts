import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { keyDigest, KnownStatementIds, statementKey } from './known-statement-ids';

describe('KnownStatementIds', () => {
  it('treats every id as possibly stored until it is ready', () => {
    const known = new KnownStatementIds();
    assert.equal(known.mightBeStored('demo', randomUUID()), true);
    known.markReady();
    assert.equal(known.mightBeStored('demo', randomUUID()), false);
  });

  it('finds a stored id whatever the case of its UUID, only for its tenant', () => {
    const known = new KnownStatementIds();
    known.markReady();
    const id = randomUUID();
    known.addKey(`Acme:${id.toUpperCase()}`);
    assert.equal(known.mightBeStored('Acme', id), true);
    assert.equal(known.mightBeStored('Acme', id.toUpperCase()), true);
    assert.equal(known.mightBeStored('acme', id), false);
    assert.equal(known.mightBeStored('other', id), false);
  });

  it('adds keys hashed elsewhere (keyDigest pairs) as addKey adds them', () => {
    const known = new KnownStatementIds();
    known.markReady();
    const ids = [randomUUID(), randomUUID()];
    const notAdded = randomUUID();
    known.addDigests(
      Uint32Array.from([
        ...keyDigest(`Acme:${ids[0]?.toUpperCase()}`),
        ...keyDigest(`Acme:${ids[1]}`),
      ]),
    );
    assert.equal(known.size, 2);
    for (const id of ids) assert.equal(known.mightBeStored('Acme', id), true);
    assert.equal(known.mightBeStored('Acme', notAdded), false);
    assert.equal(known.mightBeStored('acme', String(ids[1])), false);
  });

  it('builds keys as the xapi.statements.v1 record key', () => {
    assert.equal(statementKey('demo', 'AB-CD'), 'demo:ab-cd');
  });
});
