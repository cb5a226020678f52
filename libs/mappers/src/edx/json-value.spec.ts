import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES as ALL_FIXTURES } from './edx-fixture-set.testing';
import { canonicalJson, valueAt } from './json-value';

/** What canonicalJson was defined as when event ids were first derived from it. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const FIXTURES = path.join(ALL_FIXTURES, 'edx');

function fixtureValues(): unknown[] {
  const values: unknown[] = [];
  for (const name of readdirSync(FIXTURES, { recursive: true }) as string[]) {
    const file = path.join(FIXTURES, name);
    if (name.endsWith('.json')) values.push(JSON.parse(readFileSync(file, 'utf8')));
    if (name.endsWith('.log') || name.endsWith('.ndjson')) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() !== '') values.push(JSON.parse(line));
      }
    }
  }
  return values;
}

describe('canonicalJson', () => {
  it('writes exactly what its reference definition writes for every edX fixture', () => {
    const values = fixtureValues();
    assert.ok(values.length > 50, `${values.length} fixture values`);
    for (const value of values) assert.equal(canonicalJson(value), reference(value));
  });

  it('orders keys as JSON.stringify does, array indices first, and keeps JSON edge cases', () => {
    const samples = [
      '{"b":1,"a":[3,{"d":null,"c":"x"}],"10":true,"2":false,"01":0,"":""}',
      '{"__proto__":{"z":1,"y":2},"constructor":"c","é":"\\u2028","A":-0,"big":1e21}',
      '[1,"two",[{"4294967295":1,"4294967294":2,"-1":3}],null,{}]',
      '"just a string"',
      '12.5',
      'null',
    ];
    for (const text of samples) {
      const value: unknown = JSON.parse(text);
      assert.equal(canonicalJson(value), reference(value), text);
    }
    assert.equal(canonicalJson({ b: 1, a: { d: 2, c: 3 } }), '{"a":{"c":3,"d":2},"b":1}');
  });

  it('orders every object of a repeated shape alike, and keeps shapes whose joined keys collide apart', () => {
    const samples = [
      { z: 1, y: { b: 2, a: 3 } },
      { z: 'other', y: { b: [1], a: null } },
      { 'a\u0000b': 1 },
      { a: 1, b: 2 },
      { b: 1, 'a\u0000': 2 },
      { b: 1, a: 2 },
    ];
    for (const value of [...samples, ...samples]) {
      assert.equal(canonicalJson(value), reference(value), JSON.stringify(value));
    }
  });

  it('falls back to the reference for values that are not plain JSON', () => {
    const when = new Date(Date.UTC(2026, 0, 2));
    const value = { at: when, list: [undefined, () => 1], skip: undefined };
    assert.equal(canonicalJson(value), reference(value));
  });
});

describe('valueAt', () => {
  const source = { a: { b: { c: 1 }, 'x.y': 2 }, top: 'v', list: [1] };

  it('reads dotted paths, the same path again from its cached split', () => {
    assert.equal(valueAt(source, 'a.b.c'), 1);
    assert.equal(valueAt(source, 'a.b.c'), 1);
    assert.equal(valueAt(source, 'top'), 'v');
    assert.deepEqual(valueAt(source, 'a.b'), { c: 1 });
  });

  it('is undefined past a missing key or a value that is not an object', () => {
    assert.equal(valueAt(source, 'a.missing.c'), undefined);
    assert.equal(valueAt(source, 'top.length'), undefined);
    assert.equal(valueAt(source, 'list.0'), undefined);
    // A key with a dot in it cannot be reached by a dotted path.
    assert.equal(valueAt(source, 'a.x.y'), undefined);
  });
});
