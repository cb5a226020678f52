/**
 * Imports one file: reads its records (skipping those a crashed run already put on Kafka),
 * maps them, sends them in bounded batches and moves the manifest's committed line forward as
 * Kafka acknowledges. Bad records are reported and counted, never fatal; a file that cannot be
 * read to its end is marked failed and the run goes on with the next.
 */
import { type ProducerRecord, TOPICS } from '@learnpulse/kafka';
import { type OpenedFile, type PgpKeyProvider, openInputFile } from './decoded-file.reader';
import { type FileMapper, type MapResult, type SourceRecord } from './import-format';
import { type FileOutcome } from './import-outcome';
import {
  type ImportManifestStore,
  type ManifestEntry,
  type ManifestProgress,
} from './import-manifest.store';
import { type InputFile } from './input-files';
import { type BatchProducer, KafkaBatchSender, KafkaSendError } from './kafka-batch.sender';
import { MappingWorkerError, type RecordMappingPool } from './record-mapping.pool';
import { type RejectionReportWriter } from './rejection-report.writer';
import { mapSourceRecord } from './source-record';

export interface FileImportSettings {
  /** Source records per Kafka batch. */
  batchSize: number;
  /**
   * Source text per batch, at most: Kafka refuses a record batch above the topic's
   * max.message.bytes (1 MiB by default) per partition, and big statements reach it long
   * before batchSize.
   */
  maxBatchBytes: number;
  /** Batches sent but not yet acknowledged, at most. */
  maxInFlight: number;
  /** Least time between two manifest writes while a file is imported. */
  checkpointEveryMs: number;
  /**
   * Worker threads that map records (formats that map in workers); 0 maps on the main thread.
   */
  mappingWorkers: number;
}

export interface FileImportJob {
  input: InputFile;
  mapper: FileMapper;
  /** When given, records are mapped there (the same mapper, prepared in each worker). */
  pool?: RecordMappingPool | undefined;
  manifest: ImportManifestStore;
  manifestKey: string;
  identity: Pick<ManifestEntry, 'sha256' | 'tenant' | 'format' | 'path'>;
  producer: BatchProducer;
  report: RejectionReportWriter;
  pgpKey: PgpKeyProvider;
  settings: FileImportSettings;
  /** Told about progress: raw bytes read so far and events sent so far in this file. */
  onProgress: (bytesRead: number, events: number, rejected: number) => void;
}

function countEvents(records: readonly ProducerRecord[]): number {
  let events = 0;
  for (const record of records) {
    if (record.topic === TOPICS.learningEvents) events += record.messages.length;
  }
  return events;
}

/** Records per request to a mapping worker: large enough that messaging costs little. */
const POOL_CHUNK_RECORDS = 256;

/**
 * Maps the records in the pool, a few chunks per worker ahead of the one being taken, and
 * hands the results to `take` in file order. Memory stays at those chunks.
 */
async function mapInPool(
  pool: RecordMappingPool,
  input: InputFile,
  records: AsyncIterable<SourceRecord>,
  resumeAfter: number,
  take: (record: SourceRecord, result: MapResult) => Promise<void>,
): Promise<void> {
  const ahead: { records: SourceRecord[]; mapped: Promise<MapResult[]> }[] = [];
  const takeOldest = async (): Promise<void> => {
    const oldest = ahead.shift();
    if (oldest === undefined) return;
    const results = await oldest.mapped;
    for (const [index, record] of oldest.records.entries()) {
      const result = results[index];
      if (result === undefined) throw new MappingWorkerError(`no result for line ${record.line}`);
      await take(record, result);
    }
  };
  const dispatch = (chunk: SourceRecord[]): void => {
    const mapped = pool.map(input.path, input.syntax, chunk);
    // Rejections are awaited in takeOldest; until then they must not count as unhandled.
    mapped.catch(() => undefined);
    ahead.push({ records: chunk, mapped });
  };
  try {
    let chunk: SourceRecord[] = [];
    for await (const record of records) {
      if (record.line <= resumeAfter) continue;
      chunk.push(record);
      if (chunk.length < POOL_CHUNK_RECORDS) continue;
      dispatch(chunk);
      chunk = [];
      while (ahead.length >= 2 * pool.size) await takeOldest();
    }
    if (chunk.length > 0) dispatch(chunk);
    while (ahead.length > 0) await takeOldest();
  } finally {
    // A failed read leaves chunks mapped ahead: they are dropped, as unread lines would be.
    ahead.length = 0;
  }
}

export async function importFile(job: FileImportJob): Promise<FileOutcome> {
  const previous = job.manifest.get(job.manifestKey);
  const resumeAfter = previous?.status === 'in-progress' ? previous.committedLine : 0;
  const outcome: FileOutcome = {
    file: job.input.path,
    status: 'imported',
    imported: 0,
    events: 0,
    rejected: 0,
    rejectedByReason: new Map(),
    ...(resumeAfter > 0 ? { resumedAfterLine: resumeAfter } : {}),
  };
  // The manifest counts the file's records over every run that worked on it.
  const earlier = {
    imported: resumeAfter > 0 ? (previous?.imported ?? 0) : 0,
    rejected: resumeAfter > 0 ? (previous?.rejected ?? 0) : 0,
  };
  let lastCheckpointAt = 0;
  let committed: ManifestProgress | undefined;
  const checkpoint = async (progress: ManifestProgress, force = false): Promise<void> => {
    committed = progress;
    const now = Date.now();
    if (!force && now - lastCheckpointAt < job.settings.checkpointEveryMs) return;
    lastCheckpointAt = now;
    await job.manifest.update(job.manifestKey, job.identity, progress, 'in-progress');
  };
  const sender = new KafkaBatchSender<ManifestProgress>(
    job.producer,
    job.settings.maxInFlight,
    (progress) => checkpoint(progress),
  );

  let batch: ProducerRecord[] = [];
  let batchRecords = 0;
  let batchBytes = 0;
  let lastLine = resumeAfter;
  const submit = async (): Promise<void> => {
    const records = batch;
    outcome.events += countEvents(records);
    batch = [];
    batchRecords = 0;
    batchBytes = 0;
    await sender.submit(records, {
      committedLine: lastLine,
      imported: earlier.imported + outcome.imported,
      rejected: earlier.rejected + outcome.rejected,
    });
  };

  /** Counts one record's result and puts its Kafka records in the batch (or reports it). */
  const take = async (record: SourceRecord, result: MapResult): Promise<void> => {
    lastLine = record.line;
    if ('errors' in result) {
      outcome.rejected++;
      const first = result.errors[0];
      const reason = first === undefined ? 'rejected' : `${first.path}: ${first.rule}`;
      outcome.rejectedByReason.set(reason, (outcome.rejectedByReason.get(reason) ?? 0) + 1);
      await job.report.write({
        file: job.input.path,
        line: record.line,
        errors: result.errors,
        raw: record.raw,
      });
    } else {
      outcome.imported++;
      for (const produced of result.records) batch.push(produced);
    }
    batchRecords++;
    batchBytes += record.raw.length;
    if (batchRecords >= job.settings.batchSize || batchBytes >= job.settings.maxBatchBytes) {
      await submit();
      job.onProgress(opened?.raw.bytesRead ?? 0, outcome.events, outcome.rejected);
    }
  };

  let opened: OpenedFile | undefined;
  try {
    // Inside the try: a .gpg file that is not a message for this key fails the file, not the run.
    opened = await openInputFile(job.input, job.pgpKey, job.pool === undefined);
    const records = opened.records;
    if (job.pool === undefined) {
      for await (const record of records) {
        if (record.line <= resumeAfter) continue;
        await take(record, mapSourceRecord(job.mapper, record, job.input.syntax));
      }
    } else {
      await mapInPool(job.pool, job.input, records, resumeAfter, take);
    }
    await submit();
    await sender.flush();
    job.onProgress(opened.raw.bytesRead, outcome.events, outcome.rejected);
  } catch (error) {
    opened?.raw.destroy();
    if (error instanceof KafkaSendError) throw error;
    // The file is unreadable from here on (corrupt gzip, failed decryption or integrity
    // check), or mapping cannot go on: what Kafka acknowledged stays committed, the next run
    // resumes there.
    await sender.flush();
    if (committed !== undefined) await checkpoint(committed, true);
    if (error instanceof MappingWorkerError) throw error;
    return {
      ...outcome,
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    };
  }
  await job.manifest.update(
    job.manifestKey,
    job.identity,
    {
      committedLine: lastLine,
      imported: earlier.imported + outcome.imported,
      rejected: earlier.rejected + outcome.rejected,
    },
    'done',
  );
  return outcome;
}
