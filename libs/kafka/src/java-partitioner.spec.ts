import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Partitioners } from 'kafkajs';
import { javaCompatiblePartitioner, murmur2 } from './java-partitioner';

describe('javaCompatiblePartitioner', () => {
  it('returns what @platformatic/kafka compatibilityPartitioner returns, for keys of every length', async () => {
    const { compatibilityPartitioner } = await import('@platformatic/kafka');
    const keys = [
      Buffer.alloc(0),
      Buffer.from('uni:stu-1'),
      Buffer.from('démo:mbox:mailto:élève@example.org'),
      ...Array.from({ length: 2000 }, (_, n) => randomBytes(n % 97)),
    ];
    for (const key of keys) {
      assert.equal(
        javaCompatiblePartitioner({}, key),
        compatibilityPartitioner({} as never, key),
        key.toString('hex'),
      );
    }
    assert.equal(javaCompatiblePartitioner({}, undefined), 0);
  });

  it('puts keys on the partitions kafkajs DefaultPartitioner (Java-compatible) picks', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const partitionMetadata = [0, 1, 2, 3, 4, 5].map((partitionId) => ({
      partitionId,
      leader: 0,
      partitionErrorCode: 0,
      replicas: [0],
      isr: [0],
    }));
    for (let n = 0; n < 500; n += 1) {
      const key = Buffer.from(`tenant-${n % 7}:${randomBytes(8).toString('hex')}`);
      const ours = javaCompatiblePartitioner({}, key) % partitionMetadata.length;
      assert.equal(ours, kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } }));
    }
  });

  it('is a signed 32-bit hash', () => {
    for (let n = 0; n < 100; n += 1) {
      const hash = murmur2(randomBytes(n));
      assert.ok(Number.isInteger(hash) && hash >= -(2 ** 31) && hash < 2 ** 31);
    }
  });
});
