/**
 * `learnpulse import <format> <file-or-folder>...`: bulk import of files onto Kafka through the
 * same records as the live gateways. Exit code 0 when every record was imported, 1 when some
 * were rejected (see the report) or a file could not be read, 2 on a usage or configuration
 * error.
 */
import {
  ConfigError,
  type Environment,
  loadConfig,
  storedCredentialSchema,
} from '@learnpulse/config';
import {
  createKafka,
  ensureTopics,
  ReliableProducer,
  TOPIC_SPECS,
  TOPICS,
} from '@learnpulse/kafka';
import path from 'node:path';
import pino from 'pino';
import { ImportUsageError } from '../import/import-format';
import { findImportFormat, IMPORT_FORMATS } from '../import/import-formats.registry';
import { ImportManifestStore } from '../import/import-manifest.store';
import { exitCodeOf, type ImportOutcome } from '../import/import-outcome';
import { type FileImportSettings } from '../import/import-file.runner';
import { MAX_MAPPING_WORKERS, runImport } from '../import/import-run';
import { importSummary } from '../import/import-summary';
import { progressReporterFor } from '../import/progress-reporter.factory';
import { RejectionReportWriter } from '../import/rejection-report.writer';
import { withLocalSecretDefaults } from '../local-secrets';
import { IMPORT_EXIT_USAGE } from './import-exit-codes';

export interface ImportCommandOptions {
  tenant?: string;
  report?: string;
  manifest?: string;
  /** CSV dialect (`oulad`). */
  format?: string;
  startDate?: string;
  /** Source records per Kafka batch (a tuning knob; the default suits most files). */
  batchSize?: string;
  /** Mapping worker threads; 0 maps on the main thread. */
  workers?: string;
}

/** Largest coalesced produce request: a few import batches per round trip to the broker. */
const MAX_COALESCED_BYTES = 4 * 1024 * 1024;

function defaultReportFile(env: Environment): string {
  const stamp = new Date()
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(env.LEARNPULSE_HOME, 'import-reports', `import-${stamp}.ndjson`);
}

function tenantOf(options: ImportCommandOptions, env: Environment): string {
  const tenant = options.tenant ?? env.DEMO_TENANT;
  const parsed = storedCredentialSchema.shape.tenant.safeParse(tenant);
  if (!parsed.success) throw new ImportUsageError(`--tenant ${tenant}: must be a lowercase slug`);
  return parsed.data;
}

function wholeNumberOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ImportUsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function settingsOf(options: ImportCommandOptions): Partial<FileImportSettings> {
  const settings: Partial<FileImportSettings> = {};
  if (options.batchSize !== undefined) {
    settings.batchSize = wholeNumberOption('batch-size', options.batchSize, 1, 100_000);
  }
  if (options.workers !== undefined) {
    settings.mappingWorkers = wholeNumberOption('workers', options.workers, 0, MAX_MAPPING_WORKERS);
  }
  return settings;
}

/** The import as a function (the command and the tests call it); returns the outcome. */
export async function importFiles(
  formatName: string,
  inputs: readonly string[],
  options: ImportCommandOptions,
  env: Environment,
  settings: Partial<FileImportSettings> = {},
): Promise<ImportOutcome> {
  const format = findImportFormat(formatName);
  if (format === undefined) {
    throw new ImportUsageError(
      `unknown format ${formatName} (one of: ${IMPORT_FORMATS.map((f) => f.name).join(', ')})`,
    );
  }
  const tenant = tenantOf(options, env);
  const tuned = { ...settingsOf(options), ...settings };
  const manifest = await ImportManifestStore.open(
    options.manifest ?? path.join(env.LEARNPULSE_HOME, 'import-manifest.json'),
  );
  const report = new RejectionReportWriter(options.report ?? defaultReportFile(env));
  // Logs go to stderr, warnings and up: stdout is the summary.
  const logger = pino(
    { name: 'learnpulse-import', level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL },
    pino.destination(2),
  );
  const kafka = createKafka(env, 'import', logger);
  await ensureTopics(kafka, {
    partitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    topics: TOPIC_SPECS.filter(
      (spec) => spec.name === TOPICS.learningEvents || spec.name === TOPICS.xapiStatements,
    ),
  });
  const producer = await ReliableProducer.connect(kafka, logger, {
    maxCoalescedBytes: MAX_COALESCED_BYTES,
    // Bulk batches compress well (repeated IRIs, course ids): zstd more than halves the
    // broker's CPU, which shares the machine with the import, for a little more here.
    compression: 'zstd',
  });
  try {
    return await runImport({
      format,
      inputs,
      tenant,
      config: env,
      formatOptions: { format: options.format, startDate: options.startDate },
      manifest,
      report,
      producer,
      pgp: { armoredKey: env.IMPORT_PGP_PRIVATE_KEY, passphrase: env.IMPORT_PGP_PASSPHRASE },
      progress: progressReporterFor(process.stderr),
      settings: tuned,
    });
  } finally {
    await producer.close();
  }
}

export async function importCommand(
  formatName: string,
  inputs: string[],
  options: ImportCommandOptions,
): Promise<void> {
  try {
    const env = loadConfig(withLocalSecretDefaults());
    const outcome = await importFiles(formatName, inputs, options, env);
    process.stdout.write(`${importSummary(outcome).join('\n')}\n`);
    process.exitCode = exitCodeOf(outcome);
  } catch (error) {
    if (error instanceof ImportUsageError || error instanceof ConfigError) {
      process.stderr.write(`learnpulse import: ${error.message}\n`);
      process.exitCode = IMPORT_EXIT_USAGE;
      return;
    }
    throw error;
  }
}
