import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Schema, Type } from 'avsc';
import { createAvroCodec } from './avro-codec';
import { assertBackwardCompatible } from './compatibility';
import { sampleLearningEvent } from './learning-event.fixture';
import {
  createStaticCatalogue,
  LEARNING_EVENTS_SUBJECT,
  schemaCatalogue,
  type StaticCatalogueEntry,
} from './schema-catalogue';
import { SchemaCompatibilityError, SchemaDecodeError } from './schema-errors';

interface FieldJson {
  name: string;
  type: Schema;
  default?: unknown;
  doc?: string;
}
interface EnumJson {
  type: 'enum';
  name: string;
  symbols: string[];
  default?: string;
}
interface RecordJson {
  type: 'record';
  name: string;
  fields: FieldJson[];
}

const v1 = schemaCatalogue.latest(LEARNING_EVENTS_SUBJECT).schema as RecordJson;

/** A copy of v1 changed by `change`, as a schema author would edit the .avsc. */
function candidate(change: (schema: RecordJson) => void): RecordJson {
  const copy = structuredClone(v1);
  change(copy);
  return copy;
}

function actionEnum(schema: RecordJson): EnumJson {
  const field = schema.fields.find((f) => f.name === 'action');
  assert.ok(field !== undefined);
  return field.type as EnumJson;
}

/** v2 as it should be done: a new optional field with a default and a new action. */
const v2 = candidate((schema) => {
  schema.fields.push({
    name: 'sessionId',
    type: ['null', 'string'],
    default: null,
    doc: 'LMS session.',
  });
  actionEnum(schema).symbols.splice(-1, 0, 'bookmarked');
});

function entry(version: number, schema: RecordJson): StaticCatalogueEntry {
  return {
    subject: LEARNING_EVENTS_SUBJECT,
    version,
    id: 100 + version,
    schemaFile: `learning-event.v${version}.avsc`,
    schema,
  };
}

describe('schema compatibility', () => {
  it('every catalogued version can be read by the next and by the latest', () => {
    assert.ok(schemaCatalogue.subjects().includes(LEARNING_EVENTS_SUBJECT));
    for (const subject of schemaCatalogue.subjects()) {
      const versions = schemaCatalogue.versions(subject);
      const latest = schemaCatalogue.latest(subject);
      versions.forEach((older, index) => {
        const next = versions[index + 1];
        if (next !== undefined) assertBackwardCompatible(older.schema, next.schema);
        assertBackwardCompatible(older.schema, latest.schema);
      });
    }
  });

  it('accepts a new field with a default and a new enum symbol', () => {
    assert.doesNotThrow(() => {
      assertBackwardCompatible(v1, v2);
    });
  });

  it('decodes records written with v1 through a v2 reader, filling the default', () => {
    const catalogue = createStaticCatalogue([entry(1, v1), entry(2, v2)]);
    const v2Codec = createAvroCodec<Record<string, unknown>>(catalogue, LEARNING_EVENTS_SUBJECT);
    assert.equal(v2Codec.schemaId, 102);

    const event = sampleLearningEvent();
    const writtenWithV1 = createAvroCodec(
      createStaticCatalogue([entry(1, v1)]),
      LEARNING_EVENTS_SUBJECT,
    ).encode(event);
    assert.equal(writtenWithV1.readInt32BE(1), 101);

    assert.deepStrictEqual(v2Codec.decode(writtenWithV1), { ...event, sessionId: null });
    // And the new writer's records still decode with the new reader.
    const v2Event = { ...event, action: 'bookmarked', sessionId: 's-1' };
    assert.deepStrictEqual(v2Codec.decode(v2Codec.encode(v2Event)), v2Event);
  });

  it("lets a v1 reader read a v2 record, mapping an unknown action to the enum's default", () => {
    const v2Body = Type.forSchema(v2).toBuffer({
      ...sampleLearningEvent(),
      action: 'bookmarked',
      sessionId: 's-1',
    });
    const v1Type = Type.forSchema(v1);
    const read = v1Type.fromBuffer(v2Body, v1Type.createResolver(Type.forSchema(v2))) as {
      action: string;
    };
    assert.equal(read.action, 'other');
  });

  it('rejects a new field without a default', () => {
    const broken = candidate((schema) => {
      schema.fields.push({ name: 'cohort', type: 'string' });
    });
    assert.throws(() => {
      assertBackwardCompatible(v1, broken);
    }, SchemaCompatibilityError);
  });

  it('rejects removing an enum symbol when the enum has no default', () => {
    const broken = candidate((schema) => {
      const action = actionEnum(schema);
      delete action.default;
      action.symbols = action.symbols.filter((s) => s !== 'posted');
    });
    assert.throws(() => {
      assertBackwardCompatible(v1, broken);
    }, SchemaCompatibilityError);
  });

  it('accepts removing an enum symbol while the enum has a default, reading it as the default', () => {
    const narrowed = candidate((schema) => {
      const action = actionEnum(schema);
      action.symbols = action.symbols.filter((s) => s !== 'posted');
    });
    assertBackwardCompatible(v1, narrowed);
    const reader = Type.forSchema(narrowed);
    const body = Type.forSchema(v1).toBuffer(sampleLearningEvent({ action: 'posted' }));
    const read = reader.fromBuffer(body, reader.createResolver(Type.forSchema(v1))) as {
      action: string;
    };
    assert.equal(read.action, 'other');
  });

  it('rejects changing a field to a type old data cannot be read as', () => {
    const broken = candidate((schema) => {
      const field = schema.fields.find((f) => f.name === 'occurredAt');
      assert.ok(field !== undefined);
      field.type = 'int'; // long cannot be narrowed to int
    });
    assert.throws(() => {
      assertBackwardCompatible(v1, broken);
    }, SchemaCompatibilityError);
  });

  it('fails decoding, not silently, when a catalogued writer is incompatible with the reader', () => {
    const broken = candidate((schema) => {
      schema.fields.push({ name: 'cohort', type: 'string' });
    });
    const v1Record = createAvroCodec(
      createStaticCatalogue([entry(1, v1)]),
      LEARNING_EVENTS_SUBJECT,
    ).encode(sampleLearningEvent());
    const codec = createAvroCodec(
      createStaticCatalogue([entry(1, v1), entry(2, broken)]),
      LEARNING_EVENTS_SUBJECT,
    );
    assert.throws(() => codec.decode(v1Record), SchemaDecodeError);
  });
});
