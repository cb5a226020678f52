import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, type StatementCursor } from './statement-cursor';

const cursor: StatementCursor = {
  filters: { verb: 'http://adlnet.gov/expapi/verbs/passed', relatedAgents: true, since: 10 },
  options: {
    limit: 25,
    ascending: true,
    bound: Date.UTC(2025, 0, 1),
    after: { stored: Date.UTC(2024, 11, 31), id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' },
  },
};

describe('statement cursor', () => {
  it('round-trips filters, page size, order, bound and position as a URL-safe token', () => {
    const token = encodeCursor(cursor);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeCursor(token), cursor);
  });

  it('refuses tokens it did not make or that were edited into something invalid', () => {
    assert.equal(decodeCursor('not a token!'), null);
    assert.equal(decodeCursor(Buffer.from('{"x":1}').toString('base64url')), null);
    const json = JSON.parse(Buffer.from(encodeCursor(cursor), 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const edited = (patch: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ ...json, ...patch })).toString('base64url');
    assert.equal(decodeCursor(edited({ i: "x' OR 1=1" })), null);
    assert.equal(decodeCursor(edited({ l: -1 })), null);
    assert.equal(decodeCursor(edited({ f: { authorityKey: 'someone-else' } })), null);
  });
});
