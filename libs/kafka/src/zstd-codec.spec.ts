import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { registerZstdCodec, zstdCodec } from './zstd-codec';

describe('zstdCodec', () => {
  it('decompresses what it compressed, smaller for repetitive records', async () => {
    const records = Buffer.from('{"verb":"http://adlnet.gov/expapi/verbs/completed"}'.repeat(200));
    const compressed = await zstdCodec.compress({ buffer: records });
    assert.ok(compressed.length < records.length / 10);
    assert.deepEqual(await zstdCodec.decompress(compressed), records);
  });

  it('is the codec kafkajs looks up for zstd batches once registered', () => {
    registerZstdCodec();
    assert.equal(CompressionCodecs[CompressionTypes.ZSTD](), zstdCodec);
  });
});
