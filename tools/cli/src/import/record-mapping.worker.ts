/**
 * A mapping worker of `learnpulse import`: prepares the run's format as the main thread did
 * and maps the records it is sent (JSON.parse, validation, mapping, Avro encoding), so mapping
 * runs on every core while the main thread reads and sends. Mapping was ~80 % of an edX
 * import's CPU on the one thread (tools/bench import --profile).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type FileMapper, type PreparedFormat } from './import-format';
import { findImportFormat } from './import-formats.registry';
import { packResults, transferablesOf } from './map-result-packing';
import {
  type MapRequest,
  type MappingWorkerData,
  type MappingWorkerEvent,
} from './record-mapping.protocol';
import { jsonSourceRecord, mapSourceRecord } from './source-record';

const port = parentPort;
if (port === null) throw new Error('record-mapping.worker runs as a worker thread');
const data = workerData as MappingWorkerData;

function post(event: MappingWorkerEvent, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(event, transfer);
}

/** One file at a time is imported: its mapper is the only one kept. */
let current: { file: string; mapper: FileMapper } | undefined;

function mapperFor(prepared: PreparedFormat, file: string): FileMapper {
  if (current?.file !== file) current = { file, mapper: prepared.mapperFor(file) };
  return current.mapper;
}

async function prepare(): Promise<PreparedFormat> {
  const format = findImportFormat(data.format);
  if (format?.mapsInWorkers !== true) {
    throw new Error(`import format ${data.format} does not map in workers`);
  }
  return format.prepare({
    tenant: data.tenant,
    config: data.config,
    receivedAt: data.receivedAt,
    options: data.options,
    files: [],
    readRecords: () => {
      throw new Error('a format that maps in workers reads no input files in prepare');
    },
  });
}

prepare().then(
  (prepared) => {
    port.on('message', (request: MapRequest) => {
      const mapper = mapperFor(prepared, request.file);
      const results = request.raws.map((raw, index) =>
        mapSourceRecord(mapper, jsonSourceRecord(request.lines[index] ?? 0, raw), request.syntax),
      );
      const packed = packResults(results);
      post({ type: 'mapped', id: request.id, results: packed }, transferablesOf(packed));
    });
    post({ type: 'ready' });
  },
  (error: unknown) => {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    port.close();
  },
);
