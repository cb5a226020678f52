import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunksOf, toProduceMessages } from './reliable-producer';

describe('toProduceMessages', () => {
  it('merges several sends into one message list, keeping their order, as bytes', () => {
    const merged = toProduceMessages([
      [
        { topic: 'a', messages: [{ key: 'k1', value: '1' }] },
        { topic: 'b', messages: [{ key: 'k2', value: Buffer.from('2'), headers: { h: 'x' } }] },
      ],
      [{ topic: 'a', messages: [{ key: 'k1', value: '3' }] }],
    ]);
    assert.deepEqual(
      merged.map((m) => [m.topic, m.key?.toString(), m.value?.toString()]),
      [
        ['a', 'k1', '1'],
        ['b', 'k2', '2'],
        ['a', 'k1', '3'],
      ],
    );
    assert.deepEqual(
      [...(merged[1]?.headers as Map<Buffer, Buffer>)].map(([k, v]) => [
        k.toString(),
        v.toString(),
      ]),
      [['h', 'x']],
    );
    assert.equal(merged[0]?.headers, undefined);
  });
});

describe('chunksOf', () => {
  const message = (bytes: number) => ({
    topic: 't',
    key: Buffer.alloc(0),
    value: Buffer.alloc(bytes),
  });

  it('splits a long list into requests below the byte limit, in order', () => {
    const messages = [message(400), message(400), message(400), message(100)];
    const chunks = chunksOf(messages, 1000);
    assert.deepEqual(
      chunks.map((chunk) => chunk.map((m) => m.value?.length)),
      [
        [400, 400],
        [400, 100],
      ],
    );
  });

  it('keeps a message larger than the limit alone, for the broker to refuse', () => {
    const chunks = chunksOf([message(10), message(5000), message(10)], 1000);
    assert.deepEqual(
      chunks.map((chunk) => chunk.length),
      [1, 1, 1],
    );
  });
});
