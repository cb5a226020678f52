/** What the import's main thread and its mapping workers (record-mapping.worker.ts) say. */
import { type ImportConfig, type RecordSyntax } from './import-format';
import { type PackedResults } from './map-result-packing';

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

/** Worker to main thread. */
export type MappingWorkerEvent =
  /** Prepared: requests may come. */
  | { type: 'ready' }
  /** Prepare failed: the worker ends. */
  | { type: 'failed'; error: string }
  | { type: 'mapped'; id: number; results: PackedResults };
