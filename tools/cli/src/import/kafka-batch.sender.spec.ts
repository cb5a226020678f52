import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KafkaBatchSender, KafkaSendError } from './kafka-batch.sender';

/** A producer whose sends resolve when the test says so. */
function controlledProducer() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  return {
    pending,
    send: () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  };
}

describe('KafkaBatchSender', () => {
  it('holds the reader back once maxInFlight batches are unacknowledged', async () => {
    const producer = controlledProducer();
    const sender = new KafkaBatchSender<number>(producer, 2, () => undefined);
    await sender.submit([], 1);
    let third = false;
    const submitting = sender.submit([], 2).then(() => {
      third = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(third, false);
    producer.pending[0]?.resolve();
    await submitting;
    assert.equal(third, true);
  });

  it('commits checkpoints in submission order, even when later batches are acked first', async () => {
    const producer = controlledProducer();
    const committed: number[] = [];
    const sender = new KafkaBatchSender<number>(producer, 10, (line) => {
      committed.push(line);
    });
    await sender.submit([], 100);
    await sender.submit([], 200);
    producer.pending[1]?.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    producer.pending[0]?.resolve();
    await sender.flush();
    assert.deepEqual(committed, [100, 200]);
  });

  it('fails with KafkaSendError and commits nothing past a failed batch', async () => {
    const producer = controlledProducer();
    const committed: number[] = [];
    const sender = new KafkaBatchSender<number>(producer, 10, (line) => {
      committed.push(line);
    });
    await sender.submit([], 1);
    producer.pending[0]?.reject(new Error('broker gone'));
    await assert.rejects(sender.flush(), KafkaSendError);
    assert.deepEqual(committed, []);
  });
});
