import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAvroCodec } from './avro-codec';
import {
  createStaticCatalogue,
  LEARNING_EVENTS_SUBJECT,
  schemaCatalogue,
  type StaticCatalogueEntry,
} from './schema-catalogue';
import { SchemaDecodeError } from './schema-errors';

function entry(overrides: Partial<StaticCatalogueEntry>): StaticCatalogueEntry {
  return {
    subject: 'test-value',
    version: 1,
    id: 1,
    schemaFile: 'test.v1.avsc',
    schema: 'string',
    ...overrides,
  };
}

describe('schema catalogue', () => {
  it('serves learning.events.v1-value version 1 as schema id 1 and version 2 (latest) as id 2', () => {
    const latest = schemaCatalogue.latest(LEARNING_EVENTS_SUBJECT);
    assert.equal(latest.id, 2);
    assert.equal(latest.version, 2);
    assert.equal(schemaCatalogue.byId(2), latest);
    assert.equal(schemaCatalogue.byId(1)?.version, 1);
    assert.equal(schemaCatalogue.byId(3)?.subject, 'learner.risk.v1-value');
    assert.equal(schemaCatalogue.byId(4), undefined);
  });

  it('returns the highest version as latest and all versions oldest first', () => {
    const catalogue = createStaticCatalogue([
      entry({ version: 2, id: 7, schemaFile: 'test.v2.avsc' }),
      entry({ version: 1, id: 3 }),
    ]);
    assert.equal(catalogue.latest('test-value').id, 7);
    assert.deepStrictEqual(
      catalogue.versions('test-value').map((e) => e.id),
      [3, 7],
    );
  });

  it('refuses duplicate ids, version gaps and ids outside the wire format', () => {
    assert.throws(
      () => createStaticCatalogue([entry({}), entry({ subject: 'other-value' })]),
      /id 1 is used by both/,
    );
    assert.throws(() => createStaticCatalogue([entry({ version: 2 })]), /without gaps/);
    assert.throws(() => createStaticCatalogue([entry({ id: 0 })]), /not 1\.\.2\^31-1/);
  });

  it('throws for an unknown subject', () => {
    assert.throws(() => schemaCatalogue.latest('nope-value'), /unknown subject nope-value/);
  });

  it('refuses to decode a record whose schema id belongs to another subject', () => {
    const catalogue = createStaticCatalogue([
      entry({}),
      entry({ subject: 'other-value', id: 2, schemaFile: 'other.v1.avsc' }),
    ]);
    const other = createAvroCodec<string>(catalogue, 'other-value');
    const test = createAvroCodec<string>(catalogue, 'test-value');
    assert.throws(
      () => test.decode(other.encode('x')),
      (error: unknown) =>
        error instanceof SchemaDecodeError && /belongs to subject other-value/.test(error.message),
    );
  });
});
