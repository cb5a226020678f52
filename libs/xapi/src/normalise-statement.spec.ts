import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lrsAuthority } from './lrs-authority';
import { normaliseStatement } from './normalise-statement';
import { type XapiStatement } from './statement.types';
import { validateStatementShape } from './validate-statement';

const base: XapiStatement = {
  actor: { mbox: 'mailto:jane@example.edu' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
  object: { id: 'https://lms.example/page/1' },
};
const stored = '2024-05-01T12:00:00.123Z';
const authority = lrsAuthority('acme');

describe('normaliseStatement', () => {
  it('assigns an id, stored, authority, version and timestamp when missing', () => {
    const normalised = normaliseStatement(base, { authority, stored });
    assert.match(
      normalised.id,
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(normalised.stored, stored);
    assert.equal(normalised.timestamp, stored);
    assert.equal(normalised.version, '2.0.0');
    assert.deepEqual(normalised.authority, {
      objectType: 'Agent',
      account: { homePage: 'urn:learnpulse:tenant', name: 'acme' },
    });
    assert.deepEqual(validateStatementShape(normalised), []);
  });

  it('gives two statements without ids different ids', () => {
    const a = normaliseStatement(base, { authority, stored });
    const b = normaliseStatement(base, { authority, stored });
    assert.notEqual(a.id, b.id);
  });

  it('keeps the id, timestamp and version the client sent', () => {
    const normalised = normaliseStatement(
      {
        ...base,
        id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11',
        timestamp: '2024-04-30T08:00:00+02:00',
        version: '1.0.3',
      },
      { authority, stored: new Date(stored) },
    );
    assert.equal(normalised.id, '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11');
    assert.equal(normalised.timestamp, '2024-04-30T08:00:00+02:00');
    assert.equal(normalised.version, '1.0.3');
    assert.equal(normalised.stored, stored);
  });

  it("overwrites the client's stored and authority", () => {
    const normalised = normaliseStatement(
      { ...base, stored: '1999-01-01T00:00:00Z', authority: { mbox: 'mailto:root@evil.example' } },
      { authority, stored },
    );
    assert.equal(normalised.stored, stored);
    assert.deepEqual(normalised.authority, authority);
  });

  it('stores a single context activity as an array and leaves the input untouched', () => {
    const input: XapiStatement = {
      ...base,
      context: { contextActivities: { parent: { id: 'https://lms.example/course/1' } } },
    };
    const snapshot = structuredClone(input);
    const normalised = normaliseStatement(input, { authority, stored });
    assert.deepEqual(normalised.context?.contextActivities?.parent, [
      { id: 'https://lms.example/course/1' },
    ]);
    assert.deepEqual(input, snapshot);
  });

  it("sets version '1.0.0' on a version-less statement under xAPI 1.0.x and keeps a given one", () => {
    assert.equal(
      normaliseStatement(base, { authority, stored, version: '1.0.3' }).version,
      '1.0.0',
    );
    assert.equal(
      normaliseStatement({ ...base, version: '1.0.3' }, { authority, stored, version: '1.0.3' })
        .version,
      '1.0.3',
    );
  });

  it("stores a SubStatement's single context activities as arrays too", () => {
    const normalised = normaliseStatement(
      {
        ...base,
        object: {
          objectType: 'SubStatement',
          actor: base.actor,
          verb: base.verb,
          object: { id: 'https://lms.example/exam' },
          context: { contextActivities: { parent: { id: 'https://lms.example/course/1' } } },
        },
      },
      { authority, stored },
    );
    assert.deepEqual((normalised.object as { context: unknown }).context, {
      contextActivities: { parent: [{ id: 'https://lms.example/course/1' }] },
    });
  });
});
