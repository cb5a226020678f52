/**
 * The known-ids tail, in a worker thread: reads every record of xapi.statements.v1 from the
 * given offsets on and sends the filter hashes of their keys to the main thread. At full ingest
 * the fetch decoding (kafkajs, plain JS) and the hashing were ~14 % of the gateway's CPU, all
 * on the thread that serves HTTP (tools/bench ingest --profile).
 */
import { createKafkaFrom, kafkajsLogEntry } from '@learnpulse/kafka';
import { type LogEntry } from 'kafkajs';
import { parentPort, workerData } from 'node:worker_threads';
import { type TailEvent, type TailWorkerData } from './known-ids-tail-protocol';
import { keyDigest } from './known-statement-ids';

const port = parentPort;
if (port === null) throw new Error('known-ids-tail.worker runs as a worker thread');
const data = workerData as TailWorkerData;

function post(event: TailEvent, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(event, transfer);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** kafkajs' log extras, made safe to clone (errors and the like become plain JSON). */
function cloneable(fields: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
  } catch {
    return { namespace: fields.namespace };
  }
}

const kafka = createKafkaFrom(data.connection, {
  level: data.kafkaLogLevel,
  logCreator: () => (entry: LogEntry) => {
    const { level, message, fields } = kafkajsLogEntry(entry);
    post({ type: 'log', level, message, fields: cloneable(fields) });
  },
});
const consumer = kafka.consumer({
  groupId: data.groupId,
  allowAutoTopicCreation: false,
  maxWaitTimeInMs: data.maxWaitMs,
});

consumer.on(consumer.events.CRASH, (event) => {
  if (!event.payload.restart) post({ type: 'crashed', error: describe(event.payload.error) });
});

// The one command (TailCommand) is 'stop'.
port.on('message', () => {
  // Once disconnected nothing is left on the loop but the port: closing it ends the thread.
  void consumer
    .disconnect()
    .catch(() => undefined)
    .finally(() => {
      port.close();
    });
});

async function run(): Promise<void> {
  await consumer.connect();
  await consumer.subscribe({ topic: data.topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      let keys = 0;
      for (const message of batch.messages) if (message.key !== null) keys += 1;
      const digests = new Uint32Array(keys * 2);
      let next = 0;
      for (const message of batch.messages) {
        if (message.key === null) continue;
        const [h1, h2] = keyDigest(message.key.toString('utf8'));
        digests[next++] = h1;
        digests[next++] = h2;
      }
      const nextOffset = (BigInt(batch.lastOffset()) + 1n).toString();
      post({ type: 'digests', partition: batch.partition, nextOffset, digests }, [digests.buffer]);
      await Promise.resolve();
    },
  });
  for (const start of data.starts) {
    consumer.seek({ topic: data.topic, partition: start.partition, offset: start.offset });
  }
  post({ type: 'running' });
}

run().catch((error: unknown) => {
  post({ type: 'crashed', error: describe(error) });
});
