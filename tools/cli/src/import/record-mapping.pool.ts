/**
 * Mapping worker threads for one import run (record-mapping.worker.ts): records go out in
 * chunks, each to the worker with the least work queued, and come back mapped, in the order of
 * the chunk. The main thread keeps reading, batching, sending and checkpointing, in file order.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type MapResult, type RecordSyntax, type SourceRecord } from './import-format';
import { unpackResults } from './map-result-packing';
import {
  type MapRequest,
  type MappingWorkerData,
  type MappingWorkerEvent,
} from './record-mapping.protocol';

const WORKER_FILE = join(__dirname, 'record-mapping.worker.js');

/** A mapping worker died: the run cannot map on (what Kafka acknowledged stays committed). */
export class MappingWorkerError extends Error {
  constructor(message: string) {
    super(`a mapping worker failed: ${message}`);
    this.name = 'MappingWorkerError';
  }
}

interface Pending {
  resolve: (results: MapResult[]) => void;
  reject: (error: Error) => void;
}

class MappingWorker {
  private readonly pending = new Map<number, Pending>();
  private ready = false;
  private failure: Error | undefined;
  private closing = false;

  constructor(
    private readonly worker: Worker,
    private readonly onReady: () => void,
    private readonly onStartFailed: (error: Error) => void,
  ) {
    worker.on('message', (event: MappingWorkerEvent) => {
      this.receive(event);
    });
    worker.on('error', (error: Error) => {
      this.fail(new MappingWorkerError(error.message));
    });
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new MappingWorkerError(`exited with code ${String(code)}`));
    });
  }

  get queued(): number {
    return this.pending.size;
  }

  map(request: MapRequest): Promise<MapResult[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private receive(event: MappingWorkerEvent): void {
    if (event.type === 'ready') {
      this.ready = true;
      this.onReady();
    } else if (event.type === 'failed') {
      this.fail(new MappingWorkerError(event.error));
    } else {
      const pending = this.pending.get(event.id);
      this.pending.delete(event.id);
      pending?.resolve(unpackResults(event.results));
    }
  }

  private fail(error: Error): void {
    if (!this.ready) this.onStartFailed(error);
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
  }
}

export class RecordMappingPool {
  private nextId = 0;

  private constructor(private readonly workers: readonly MappingWorker[]) {}

  /** Resolves once every worker has prepared the format; rejects (and stops them) if one fails. */
  static async start(data: MappingWorkerData, size: number): Promise<RecordMappingPool> {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('a pool needs 1 or more workers');
    const workers: MappingWorker[] = [];
    const started: Promise<void>[] = [];
    for (let i = 0; i < size; i++) {
      started.push(
        new Promise((resolve, reject) => {
          workers.push(
            new MappingWorker(new Worker(WORKER_FILE, { workerData: data }), resolve, reject),
          );
        }),
      );
    }
    const pool = new RecordMappingPool(workers);
    try {
      await Promise.all(started);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /** The records' map results, in their order (rejects with MappingWorkerError). */
  map(file: string, syntax: RecordSyntax, records: readonly SourceRecord[]): Promise<MapResult[]> {
    let target = this.workers[0];
    for (const worker of this.workers)
      if (target === undefined || worker.queued < target.queued) target = worker;
    if (target === undefined) return Promise.reject(new MappingWorkerError('the pool is closed'));
    return target.map({
      id: this.nextId++,
      file,
      syntax,
      lines: records.map((record) => record.line),
      raws: records.map((record) => record.raw),
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
