import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { type MapResult } from './import-format';
import { packResults, transferablesOf, unpackResults } from './map-result-packing';

const results: MapResult[] = [
  {
    records: [
      {
        topic: 'learning.events.v1',
        messages: [
          { key: 'acme:l1', value: Buffer.from([1, 2, 3]) },
          { key: 'acme:l2', value: Buffer.alloc(0) },
        ],
      },
      { topic: 'xapi.statements.v1', messages: [{ key: 'acme:s1', value: '{"text":true}' }] },
    ],
  },
  { errors: [{ path: 'verb.id', rule: 'must be an IRI' }] },
  { records: [] },
  {
    records: [
      {
        topic: 'learning.events.v1',
        messages: [{ key: 'acme:l3', value: Buffer.from('héllo'), headers: { 'x-source': 'edx' } }],
      },
    ],
  },
];

describe('map result packing', () => {
  it('unpacks what it packed: errors, empty results, byte and string values, headers', () => {
    assert.deepEqual(unpackResults(packResults(results)), results);
  });

  it('puts all value bytes in one buffer, each topic once', () => {
    const packed = packResults(results);
    assert.equal(packed.values.byteLength, 3 + 0 + Buffer.byteLength('héllo'));
    assert.deepEqual(packed.topicNames, ['learning.events.v1', 'xapi.statements.v1']);
    assert.equal(transferablesOf(packed).length, 5);
  });

  it('survives a real transfer to another thread and back', async () => {
    const packed = packResults(results);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => {
      port2.once('message', resolve);
    });
    port1.postMessage(packed, transferablesOf(packed));
    const copy = await received;
    port1.close();
    port2.close();
    // Transferred, so the sender's buffers are gone.
    assert.equal(packed.values.byteLength, 0);
    assert.deepEqual(unpackResults(copy as typeof packed), results);
  });
});
