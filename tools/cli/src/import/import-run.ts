/**
 * One `learnpulse import` run: finds the files, lets the format prepare, skips the files the
 * manifest knows as done, imports the others one after the other and reports progress. Pure
 * orchestration: Kafka, the manifest, the report and the progress reporter are handed in.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { openInputFile } from './decoded-file.reader';
import { fileSha256 } from './file-checksum';
import { type FileImportSettings, importFile } from './import-file.runner';
import {
  type ImportFormat,
  type ImportConfig,
  type ImportRun,
  ImportUsageError,
  type SourceRecord,
} from './import-format';
import { type ImportManifestStore, manifestKey } from './import-manifest.store';
import { type FileOutcome, type ImportOutcome } from './import-outcome';
import { type ImportProgressReporter, type ImportProgressSnapshot } from './import-progress';
import { describeInputFile, expandInputs, type InputFile } from './input-files';
import { type BatchProducer } from './kafka-batch.sender';
import { type PgpKeySource, type PgpPrivateKey, unlockPgpKey } from './gpg-decrypt.reader';
import { RecordMappingPool } from './record-mapping.pool';
import { type RejectionReportWriter } from './rejection-report.writer';

export interface ImportRunOptions {
  format: ImportFormat;
  inputs: readonly string[];
  tenant: string;
  config: ImportConfig;
  formatOptions: Readonly<Record<string, string | undefined>>;
  manifest: ImportManifestStore;
  report: RejectionReportWriter;
  producer: BatchProducer;
  pgp: PgpKeySource;
  progress: ImportProgressReporter;
  settings?: Partial<FileImportSettings>;
}

/** More workers than this only add memory: the main thread and Kafka bound the run first. */
export const MAX_MAPPING_WORKERS = 8;

export const DEFAULT_FILE_IMPORT_SETTINGS: FileImportSettings = {
  batchSize: 1000,
  maxBatchBytes: 256 * 1024,
  maxInFlight: 4,
  checkpointEveryMs: 250,
  // One per core: the main thread mostly waits on reads and Kafka meanwhile.
  mappingWorkers: Math.min(availableParallelism(), MAX_MAPPING_WORKERS),
};

/** The files of the inputs this format reads; a file named explicitly must be readable. */
async function inputFilesOf(
  format: ImportFormat,
  inputs: readonly string[],
  ownFiles: ReadonlySet<string>,
): Promise<InputFile[]> {
  const named = new Set<string>();
  for (const input of inputs) {
    if (!(await stat(input).catch(() => null))?.isDirectory()) named.add(input);
  }
  const files: InputFile[] = [];
  for (const file of await expandInputs(inputs)) {
    // The run's own manifest and report may sit in an input folder: they are not data.
    if (ownFiles.has(path.resolve(file))) continue;
    const described = describeInputFile(file);
    const readable = described !== null && format.syntaxes.includes(described.syntax);
    if (readable) files.push(described);
    else if (named.has(file)) {
      throw new ImportUsageError(
        `${file}: import ${format.name} reads ${format.syntaxes.join(', ')} files ` +
          '(.ndjson, .jsonl, .log, .json, .csv, optionally .gz and/or .gpg)',
      );
    }
    // Other files in a folder (README, checksums) are not data: skipped.
  }
  return files;
}

export async function runImport(options: ImportRunOptions): Promise<ImportOutcome> {
  const started = Date.now();
  const settings = { ...DEFAULT_FILE_IMPORT_SETTINGS, ...options.settings };
  const ownFiles = new Set([
    path.resolve(options.manifest.file),
    path.resolve(options.report.file),
  ]);
  const files = await inputFilesOf(options.format, options.inputs, ownFiles);
  if (files.length === 0) throw new ImportUsageError('no files to import in the inputs given');

  // The key is unlocked once, before anything is sent, so a wrong passphrase fails fast.
  let unlocked: PgpPrivateKey | undefined;
  if (files.some((file) => file.layers.includes('gpg'))) {
    unlocked = await unlockPgpKey(options.pgp);
  }
  const pgpKey = (): Promise<PgpPrivateKey> =>
    unlocked === undefined ? unlockPgpKey(options.pgp) : Promise.resolve(unlocked);

  const byPath = new Map(files.map((file) => [file.path, file]));
  const readRecords = async function* (file: string): AsyncGenerator<SourceRecord> {
    const input = byPath.get(file);
    if (input === undefined) throw new Error(`${file} is not an input of this run`);
    yield* (await openInputFile(input, pgpKey)).records;
  };
  const run: ImportRun = {
    tenant: options.tenant,
    config: options.config,
    receivedAt: started,
    options: options.formatOptions,
    files: files.map((file) => file.path),
    readRecords,
  };
  const prepared = await options.format.prepare(run);
  const toImport = files.filter((file) => prepared.imports(file.path));
  if (toImport.length === 0)
    throw new ImportUsageError(`no ${options.format.name} files to import`);

  const sizes = await Promise.all(toImport.map(async (file) => (await stat(file.path)).size));
  const snapshot: ImportProgressSnapshot = {
    filesDone: 0,
    filesTotal: toImport.length,
    events: 0,
    rejected: 0,
    bytesDone: 0,
    bytesTotal: sizes.reduce((sum, size) => sum + size, 0),
    elapsedMs: 0,
  };
  const tick = (): void => {
    snapshot.elapsedMs = Date.now() - started;
    options.progress.update(snapshot);
  };
  const mapsInWorkers = options.format.mapsInWorkers && settings.mappingWorkers > 0;
  // Started while the first file is hashed (each takes a few hundred ms, on other threads):
  // a re-run whose files are all done closes it unused.
  let poolStart: Promise<RecordMappingPool> | undefined;
  const startPool = (): Promise<RecordMappingPool> =>
    RecordMappingPool.start(
      {
        format: options.format.name,
        tenant: run.tenant,
        // Only what formats read (the caller may pass the whole environment).
        config: {
          LEARNER_PSEUDONYM_KEY: run.config.LEARNER_PSEUDONYM_KEY,
          EDX_LMS_ROOT_URLS: run.config.EDX_LMS_ROOT_URLS,
        },
        receivedAt: run.receivedAt,
        options: run.options,
      },
      settings.mappingWorkers,
    );
  const timer = setInterval(tick, 1000);
  const outcomes: FileOutcome[] = [];
  try {
    for (const [index, input] of toImport.entries()) {
      const size = sizes[index] ?? 0;
      if (mapsInWorkers && poolStart === undefined) {
        poolStart = startPool();
        // A start that fails is reported where a file awaits the pool, not as unhandled.
        poolStart.catch(() => undefined);
      }
      const sha256 = await fileSha256(input.path);
      const entryKey = manifestKey(sha256, options.tenant, prepared.identity);
      const known = options.manifest.get(entryKey);
      if (known?.status === 'done') {
        outcomes.push({
          file: input.path,
          status: 'already-imported',
          imported: 0,
          events: 0,
          rejected: 0,
          rejectedByReason: new Map(),
        });
      } else {
        const before = {
          bytes: snapshot.bytesDone,
          events: snapshot.events,
          rejected: snapshot.rejected,
        };
        const outcome = await importFile({
          input,
          mapper: prepared.mapperFor(input.path),
          pool: poolStart === undefined ? undefined : await poolStart,
          manifest: options.manifest,
          manifestKey: entryKey,
          identity: { sha256, tenant: options.tenant, format: prepared.identity, path: input.path },
          producer: options.producer,
          report: options.report,
          pgpKey,
          settings,
          onProgress: (bytesRead, events, rejected) => {
            snapshot.bytesDone = before.bytes + Math.min(bytesRead, size);
            snapshot.events = before.events + events;
            snapshot.rejected = before.rejected + rejected;
          },
        });
        outcomes.push(outcome);
        snapshot.events = before.events + outcome.events;
        snapshot.rejected = before.rejected + outcome.rejected;
      }
      snapshot.filesDone++;
      snapshot.bytesDone = sizes.slice(0, index + 1).reduce((sum, value) => sum + value, 0);
      tick();
    }
  } finally {
    clearInterval(timer);
    const pool = await poolStart?.catch(() => undefined);
    await pool?.close();
    snapshot.elapsedMs = Date.now() - started;
    options.progress.stop(snapshot);
  }
  await options.report.close();
  return {
    files: outcomes,
    elapsedMs: Date.now() - started,
    reportFile: options.report.written ? options.report.file : null,
  };
}
