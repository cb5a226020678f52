import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toTopicMessages } from './reliable-producer';

describe('toTopicMessages', () => {
  it('merges several sends into one message list per topic, keeping their order', () => {
    const merged = toTopicMessages([
      [
        { topic: 'a', messages: [{ key: 'k1', value: '1' }] },
        { topic: 'b', messages: [{ key: 'k2', value: '2', headers: { h: 'x' } }] },
      ],
      [{ topic: 'a', messages: [{ key: 'k1', value: '3' }] }],
    ]);
    assert.deepEqual(merged, [
      {
        topic: 'a',
        messages: [
          { key: 'k1', value: '1' },
          { key: 'k1', value: '3' },
        ],
      },
      { topic: 'b', messages: [{ key: 'k2', value: '2', headers: { h: 'x' } }] },
    ]);
  });
});
