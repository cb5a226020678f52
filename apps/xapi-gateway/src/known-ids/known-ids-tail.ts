/**
 * The main thread's handle on the known-ids tail worker (known-ids-tail.worker.ts): starts it,
 * hands each batch of key hashes to `onDigests` in order, reports a crash once, and stops it.
 */
import { connectionSettingsOf, kafkajsLevelFor } from '@learnpulse/kafka';
import { type Logger } from '@learnpulse/observability';
import { type Kafka } from 'kafkajs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type TailCommand, type TailEvent, type TailWorkerData } from './known-ids-tail-protocol';

const WORKER_FILE = join(__dirname, 'known-ids-tail.worker.js');
const STOP_WAIT_MS = 5_000;

export interface KnownIdsTailOptions {
  kafka: Kafka;
  topic: string;
  groupId: string;
  maxWaitMs: number;
  starts: readonly { partition: number; offset: bigint }[];
  logger: Logger;
  /** The keys of one batch as keyDigest pairs; `nextOffset` is past its last record. */
  onDigests: (partition: number, nextOffset: bigint, digests: Uint32Array) => void;
  /** The tail stopped after it was running; it will not deliver again. */
  onCrash: (error: string) => void;
}

export class KnownIdsTail {
  private crashed = false;
  private stopping = false;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly options: KnownIdsTailOptions,
  ) {
    this.exited = new Promise((resolve) => {
      worker.once('exit', () => {
        resolve();
      });
    });
  }

  /** Resolves once the worker is subscribed and positioned; rejects if it fails before that. */
  static start(options: KnownIdsTailOptions): Promise<KnownIdsTail> {
    const data: TailWorkerData = {
      connection: connectionSettingsOf(options.kafka),
      topic: options.topic,
      groupId: options.groupId,
      maxWaitMs: options.maxWaitMs,
      kafkaLogLevel: kafkajsLevelFor(options.logger),
      starts: options.starts.map((s) => ({ partition: s.partition, offset: s.offset.toString() })),
    };
    const worker = new Worker(WORKER_FILE, { workerData: data });
    // The feed stops it at shutdown; a tail left behind must not keep the process alive.
    worker.unref();
    const tail = new KnownIdsTail(worker, options);
    return tail.started();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const command: TailCommand = { type: 'stop' };
    this.worker.postMessage(command);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => {
        resolve('late');
      }, STOP_WAIT_MS);
    });
    if ((await Promise.race([this.exited, late])) === 'late') await this.worker.terminate();
    clearTimeout(timer);
  }

  private started(): Promise<KnownIdsTail> {
    return new Promise((resolve, reject) => {
      let running = false;
      const fail = (error: string): void => {
        if (this.crashed || this.stopping) return;
        this.crashed = true;
        if (running) this.options.onCrash(error);
        else {
          void this.worker.terminate();
          reject(new Error(`the known-ids tail did not start: ${error}`));
        }
      };
      this.worker.on('message', (event: TailEvent) => {
        switch (event.type) {
          case 'digests':
            if (!this.crashed) {
              this.options.onDigests(event.partition, BigInt(event.nextOffset), event.digests);
            }
            break;
          case 'running':
            running = true;
            resolve(this);
            break;
          case 'crashed':
            fail(event.error);
            break;
          case 'log':
            this.options.logger[event.level](event.fields, event.message);
        }
      });
      this.worker.on('error', (error: Error) => {
        fail(`${error.name}: ${error.message}`);
      });
      this.worker.on('exit', (code: number) => {
        fail(`the worker exited (code ${code})`);
      });
    });
  }
}
