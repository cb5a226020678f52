import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SchemaDecodeError } from './schema-errors';
import { frameWireFormat, unframeWireFormat } from './wire-format';

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
});
