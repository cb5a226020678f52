import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'avsc';
import { SchemaDecodeError } from './schema-errors';
import { encodeWireFormat, frameWireFormat, unframeWireFormat } from './wire-format';

describe('Confluent wire format', () => {
  it('frames a body as magic byte 0 + big-endian schema id + body', () => {
    const framed = frameWireFormat(0x01020304, Buffer.from([0xaa, 0xbb]));
    assert.deepStrictEqual([...framed], [0, 1, 2, 3, 4, 0xaa, 0xbb]);
    const frame = unframeWireFormat(framed);
    assert.equal(frame.schemaId, 0x01020304);
    assert.deepStrictEqual([...frame.body], [0xaa, 0xbb]);
  });

  it('rejects a non-zero magic byte and a short header', () => {
    assert.throws(() => unframeWireFormat(Buffer.from([2, 0, 0, 0, 1])), SchemaDecodeError);
    assert.throws(() => unframeWireFormat(Buffer.alloc(0)), SchemaDecodeError);
  });

  it('encodes in place exactly as framing the body would, for records of any size', () => {
    const type = Type.forSchema({
      type: 'record',
      name: 'Sample',
      fields: [
        { name: 'id', type: 'long' },
        { name: 'text', type: 'string' },
      ],
    });
    // 2 B, past avsc's 1 kB scratch, and past encodeWireFormat's own (it grows).
    const texts = ['é', 'x'.repeat(1_500), 'ü'.repeat(40_000), 'short again'];
    const encoded = texts.map((text, id) => {
      const value = { id, text };
      const framed = encodeWireFormat(7, (buf, pos) => type.encode(value, buf, pos));
      assert.deepStrictEqual(framed, frameWireFormat(7, type.toBuffer(value)));
      return framed;
    });
    // Each result is its own copy: later encodes leave earlier ones as they were.
    encoded.forEach((framed, id) => {
      assert.deepStrictEqual(
        { ...(type.fromBuffer(unframeWireFormat(framed).body) as object) },
        {
          id,
          text: texts[id],
        },
      );
    });
  });
});
