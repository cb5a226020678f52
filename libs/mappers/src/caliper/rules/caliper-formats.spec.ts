import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDateTime, isDuration, isIri, isNodeId, isUuidUrn } from './caliper-formats';

describe('Caliper value formats', () => {
  it('accepts IRIs of any scheme and refuses prose and bare names', () => {
    for (const iri of [
      'https://example.edu/users/1',
      'urn:uuid:3a648e68-f00d-4c08-aa59-8738e1884f2c',
      'mailto:a@b.c',
    ]) {
      assert.ok(isIri(iri), iri);
    }
    for (const text of ['This is not an IRI', 'example.edu/users/1', '', 'https://a b']) {
      assert.ok(!isIri(text), text);
    }
  });

  it('accepts blank node ids as entity ids only', () => {
    assert.ok(isNodeId('_:MediaLocation'));
    assert.ok(!isIri('_:MediaLocation'));
    assert.ok(!isNodeId('_:'));
  });

  it('needs urn:uuid: and a UUID for event ids', () => {
    assert.ok(isUuidUrn('urn:uuid:3A648E68-F00D-4C08-AA59-8738E1884F2C'));
    assert.ok(!isUuidUrn('3a648e68-f00d-4c08-aa59-8738e1884f2c'));
    assert.ok(!isUuidUrn('urn:uuid:not-a-uuid'));
  });

  it('needs a date, a time with seconds and a zone', () => {
    for (const value of [
      '2016-11-15T10:15:00.000Z',
      '2016-11-15T10:15:00Z',
      '2016-11-15T10:15:00.123+02:00',
    ]) {
      assert.ok(isDateTime(value), value);
    }
    for (const value of [
      '2016-11-15',
      '2016-11-15T10:15:00.000',
      '2016-13-15T10:15:00Z',
      '2016-11-15T25:00:00Z',
      20161115,
    ]) {
      assert.ok(!isDateTime(value), String(value));
    }
  });

  it('reads ISO 8601 durations', () => {
    for (const value of ['PT30M54S', 'PT3600S', 'P1DT2H', 'PT0.032788S', 'P2W']) {
      assert.ok(isDuration(value), value);
    }
    for (const value of ['P', 'PT', '2016-11-15T10:55:30.000Z', '30 minutes', 'P1H']) {
      assert.ok(!isDuration(value), value);
    }
  });
});
