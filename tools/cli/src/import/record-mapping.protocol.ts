/** What the import's main thread and its mapping workers (record-mapping.worker.ts) say. */
import { type ImportConfig, type RecordError, type RecordSyntax } from './import-format';

/** What a worker needs to prepare the run's mapper exactly as the main thread did. */
export interface MappingWorkerData {
  format: string;
  tenant: string;
  config: ImportConfig;
  receivedAt: number;
  options: Readonly<Record<string, string | undefined>>;
}

/** Main thread to worker: map these records of one file, in order. */
export interface MapRequest {
  id: number;
  file: string;
  syntax: RecordSyntax;
  lines: number[];
  raws: string[];
}

/**
 * One produced message: its value is `length` bytes at `at` in the reply's shared buffer
 * (one transfer per reply instead of one copy of a pooled buffer per message), or a string.
 */
export interface PackedMessage {
  key: string;
  value: { at: number; length: number } | string;
  headers?: Record<string, string>;
}

export type PackedResult =
  { records: { topic: string; messages: PackedMessage[] }[] } | { errors: RecordError[] };

/** Worker to main thread. */
export type MappingWorkerEvent =
  /** Prepared: requests may come. */
  | { type: 'ready' }
  /** Prepare failed: the worker ends. */
  | { type: 'failed'; error: string }
  | { type: 'mapped'; id: number; results: PackedResult[]; values: ArrayBuffer };
