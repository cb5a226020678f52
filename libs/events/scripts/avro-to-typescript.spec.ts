import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { avroToTypeScript, symbolsConstName } from './avro-to-typescript';

describe('avroToTypeScript', () => {
  it('declares nested named types before the record that uses them', () => {
    const ts = avroToTypeScript({
      type: 'record',
      name: 'x.Outer',
      doc: 'Outer doc',
      fields: [
        { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['a', 'b'] } },
        { name: 'inner', type: ['null', { type: 'record', name: 'Inner', fields: [] }] },
        { name: 'again', type: 'x.Inner' },
        { name: 'tags', type: { type: 'array', items: ['null', 'string'] } },
        { name: 'counts', type: { type: 'map', values: 'long' } },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'raw', type: 'bytes', doc: 'has */ inside' },
      ],
    });
    assert.ok(
      ts.indexOf('export const KINDS = ["a","b"] as const;') < ts.indexOf('interface Inner'),
    );
    assert.ok(ts.indexOf('interface Inner') < ts.indexOf('interface Outer'));
    for (const member of [
      'kind: Kind;',
      'inner: Inner | null;',
      'again: Inner;',
      'tags: (string | null)[];',
      'counts: Record<string, number>;',
      'at: number;',
      'raw: Buffer;',
      '/** has *\\/ inside */',
      '/** Outer doc */\nexport interface Outer',
    ]) {
      assert.ok(ts.includes(member), `missing ${member} in\n${ts}`);
    }
  });

  it('refuses a reference to a type it has not seen', () => {
    assert.throws(
      () => avroToTypeScript({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'Nope' }] }),
      /undefined type Nope/,
    );
  });

  it('names the symbol array after the enum', () => {
    assert.equal(symbolsConstName('LearningAction'), 'LEARNING_ACTIONS');
    assert.equal(symbolsConstName('EventSource'), 'EVENT_SOURCES');
  });
});
