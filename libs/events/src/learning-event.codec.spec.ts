import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'avsc';
import { LEARNING_ACTIONS, type LearningEvent } from './generated/learning-event.types';
import { learningEventCodec } from './learning-event.codec';
import { schemaCatalogue } from './schema-catalogue';
import { sampleLearningEvent } from './learning-event.fixture';
import { SchemaDecodeError, SchemaEncodeError } from './schema-errors';

function encodeError(value: unknown): SchemaEncodeError {
  try {
    learningEventCodec.encode(value as never);
  } catch (error) {
    assert.ok(
      error instanceof SchemaEncodeError,
      `expected SchemaEncodeError, got ${String(error)}`,
    );
    return error;
  }
  assert.fail('encode accepted an invalid event');
}

function decodeError(buf: Buffer): SchemaDecodeError {
  try {
    learningEventCodec.decode(buf);
  } catch (error) {
    assert.ok(
      error instanceof SchemaDecodeError,
      `expected SchemaDecodeError, got ${String(error)}`,
    );
    return error;
  }
  assert.fail('decode accepted invalid bytes');
}

describe('learningEventCodec', () => {
  it('round-trips an event to the same plain object', () => {
    const event = sampleLearningEvent();
    const decoded = learningEventCodec.decode(learningEventCodec.encode(event));
    assert.deepStrictEqual(decoded, event);
    assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
    assert.equal(Object.getPrototypeOf(decoded.score), Object.prototype);
  });

  it('round-trips null course, null score and null score parts', () => {
    for (const event of [
      sampleLearningEvent({ courseId: null, score: null }),
      sampleLearningEvent({ score: { raw: 3, min: null, max: null, scaled: null } }),
    ]) {
      assert.deepStrictEqual(learningEventCodec.decode(learningEventCodec.encode(event)), event);
    }
  });

  it('round-trips every action and keeps epoch milliseconds as numbers', () => {
    for (const action of LEARNING_ACTIONS) {
      const event = sampleLearningEvent({ action, occurredAt: 0, receivedAt: 4102444800000 });
      assert.deepStrictEqual(learningEventCodec.decode(learningEventCodec.encode(event)), event);
    }
  });

  it('writes the Confluent wire format with the latest schema id', () => {
    const buf = learningEventCodec.encode(sampleLearningEvent());
    assert.equal(buf[0], 0);
    assert.equal(buf.readInt32BE(1), learningEventCodec.schemaId);
    assert.equal(learningEventCodec.schemaId, 2);
  });

  it('names the field of an unknown action', () => {
    const error = encodeError(sampleLearningEvent({ action: 'danced' as never }));
    assert.equal(error.field, 'action');
    assert.match(error.message, /action: expected one of viewed, .*got "danced"/);
  });

  it('names a missing required field', () => {
    const event: Partial<LearningEvent> = sampleLearningEvent();
    delete event.learnerId;
    const error = encodeError(event);
    assert.equal(error.field, 'learnerId');
    assert.match(error.message, /learnerId: expected string, got nothing/);
  });

  it('names a nested field with the wrong type', () => {
    const error = encodeError(
      sampleLearningEvent({ score: { raw: '7' as never, min: 0, max: 10, scaled: null } }),
    );
    assert.equal(error.field, 'score.raw');
  });

  it('rejects a timestamp that is not an integer', () => {
    const error = encodeError(sampleLearningEvent({ occurredAt: 1.5 }));
    assert.equal(error.field, 'occurredAt');
    assert.match(error.message, /integer/);
  });

  it('rejects fields the schema does not declare instead of dropping them', () => {
    const error = encodeError({ ...sampleLearningEvent(), learner: 'typo' });
    assert.equal(error.field, 'learner');
    assert.match(error.message, /not a field of the schema/);
  });

  it('reports every bad field, not only the first', () => {
    const error = encodeError(sampleLearningEvent({ tenant: 42 as never, source: 'lti' as never }));
    assert.deepStrictEqual(
      error.issues.map((i) => i.field),
      ['tenant', 'source'],
    );
  });

  it('rejects a wrong magic byte', () => {
    const buf = learningEventCodec.encode(sampleLearningEvent());
    buf[0] = 1;
    assert.match(decodeError(buf).message, /magic byte is 1, expected 0/);
  });

  it('rejects a buffer shorter than the wire-format header', () => {
    assert.match(decodeError(Buffer.from([0, 0, 0])).message, /3 bytes, need at least 5/);
  });

  it('rejects an unknown schema id', () => {
    const buf = learningEventCodec.encode(sampleLearningEvent());
    buf.writeInt32BE(999, 1);
    assert.match(decodeError(buf).message, /unknown schema id 999/);
  });

  it('rejects a truncated Avro body', () => {
    const buf = learningEventCodec.encode(sampleLearningEvent());
    const error = decodeError(buf.subarray(0, buf.length - 10));
    assert.match(error.message, /cannot read the Avro body .* schema id 2: truncated buffer/);
  });

  it('decodes a record written with version 1 (id 1), reading learnerAnonymous as false', () => {
    const v1 = schemaCatalogue.byId(1);
    assert.ok(v1 !== undefined);
    // A version-1 writer knows no learnerAnonymous field.
    const v1Event: Partial<LearningEvent> = sampleLearningEvent({ learnerAnonymous: true });
    delete v1Event.learnerAnonymous;
    const body = Type.forSchema(v1.schema).toBuffer(v1Event);
    const header = Buffer.from([0, 0, 0, 0, 1]);
    assert.deepStrictEqual(learningEventCodec.decode(Buffer.concat([header, body])), {
      ...v1Event,
      learnerAnonymous: false,
    });
  });

  it('round-trips an anonymous learner flag', () => {
    const event = sampleLearningEvent({ learnerAnonymous: true });
    assert.deepStrictEqual(learningEventCodec.decode(learningEventCodec.encode(event)), event);
  });

  it('rejects trailing bytes after the Avro body', () => {
    const buf = learningEventCodec.encode(sampleLearningEvent());
    assert.match(decodeError(Buffer.concat([buf, Buffer.from([1, 2])])).message, /trailing data/);
  });

  it('rejects a header with no body', () => {
    assert.match(decodeError(Buffer.from([0, 0, 0, 0, 1])).message, /truncated buffer/);
  });
});
