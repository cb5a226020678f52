/**
 * A mapping worker of `learnpulse import`: prepares the run's format as the main thread did
 * and maps the records it is sent (JSON.parse, validation, mapping, Avro encoding), so mapping
 * runs on every core while the main thread reads and sends. Mapping was ~80 % of an edX
 * import's CPU on the one thread (tools/bench import --profile).
 */
import { type ProducerRecord } from '@learnpulse/kafka';
import { parentPort, workerData } from 'node:worker_threads';
import { type FileMapper, type MapResult, type PreparedFormat } from './import-format';
import { findImportFormat } from './import-formats.registry';
import {
  type MapRequest,
  type MappingWorkerData,
  type MappingWorkerEvent,
  type PackedMessage,
  type PackedResult,
} from './record-mapping.protocol';
import { jsonSourceRecord, mapSourceRecord } from './source-record';

const port = parentPort;
if (port === null) throw new Error('record-mapping.worker runs as a worker thread');
const data = workerData as MappingWorkerData;

function post(event: MappingWorkerEvent, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(event, transfer);
}

/** Packs every Buffer value of the results into one buffer, to transfer instead of copy. */
function pack(results: readonly MapResult[]): { results: PackedResult[]; values: ArrayBuffer } {
  let total = 0;
  for (const result of results) {
    if ('errors' in result) continue;
    for (const record of result.records) {
      for (const message of record.messages) {
        if (typeof message.value !== 'string') total += message.value.length;
      }
    }
  }
  const values = new ArrayBuffer(total);
  const bytes = new Uint8Array(values);
  let at = 0;
  const packMessage = (message: ProducerRecord['messages'][number]): PackedMessage => {
    let value: PackedMessage['value'];
    if (typeof message.value === 'string') value = message.value;
    else {
      bytes.set(message.value, at);
      value = { at, length: message.value.length };
      at += message.value.length;
    }
    return message.headers === undefined
      ? { key: message.key, value }
      : { key: message.key, value, headers: message.headers };
  };
  const packed = results.map((result): PackedResult =>
    'errors' in result
      ? { errors: result.errors }
      : {
          records: result.records.map((record) => ({
            topic: record.topic,
            messages: record.messages.map(packMessage),
          })),
        },
  );
  return { results: packed, values };
}

const mappers = new Map<string, FileMapper>();

function mapperFor(prepared: PreparedFormat, file: string): FileMapper {
  let mapper = mappers.get(file);
  if (mapper === undefined) {
    mapper = prepared.mapperFor(file);
    // One file at a time is imported: the last one's mapper is all that is needed.
    mappers.clear();
    mappers.set(file, mapper);
  }
  return mapper;
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
      const { results: packed, values } = pack(results);
      post({ type: 'mapped', id: request.id, results: packed, values }, [values]);
    });
    post({ type: 'ready' });
  },
  (error: unknown) => {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    port.close();
  },
);
