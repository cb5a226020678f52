/**
 * The contract between the import pipeline and a format (xapi, edx, caliper, csv):
 * the pipeline reads, decodes, batches, sends, checkpoints and reports; a format only turns
 * one source record into Kafka records, or says why it cannot.
 */
import { type Environment } from '@learnpulse/config';
import { type ProducerRecord } from '@learnpulse/kafka';

/** How the decoded text of a file splits into records. */
export type RecordSyntax =
  /** One JSON value per line (`.ndjson`, `.jsonl`, `.log`). */
  | 'json-lines'
  /** One JSON document: an array of values or a single value (`.json`). */
  | 'json-document'
  /** CSV with a header row; each row becomes an object keyed by the header (`.csv`). */
  | 'csv';

/** One record of a file as the readers give it to a format. */
export interface SourceRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  /** The record's text as read: the line, the array item, the CSV row. */
  raw: string;
  /**
   * The parsed JSON value (undefined when the text is not JSON, or when the file was opened
   * for the mapping workers, which parse it there), or the CSV row (header name → field text).
   */
  value: unknown;
}

/** Why a record was refused: where (a JSON path or a column) and which rule it breaks. */
export interface RecordError {
  path: string;
  rule: string;
}

/** The records to produce for one source record, or its errors (never both). */
export type MapResult = { records: ProducerRecord[] } | { errors: RecordError[] };

/** Maps the records of one file; `open` of the format made it for that file. */
export interface FileMapper {
  mapRecord(record: SourceRecord): MapResult;
}

/** Reads the records of a file of the run (used by formats that load lookup tables). */
export type ReadRecords = (file: string) => AsyncIterable<SourceRecord>;

/** The settings formats read (validated by libs/config at start). */
export type ImportConfig = Pick<Environment, 'LEARNER_PSEUDONYM_KEY' | 'EDX_LMS_ROOT_URLS'>;

export interface ImportRun {
  tenant: string;
  config: ImportConfig;
  /** The run's start, epoch ms: the `receivedAt` of every event it produces. */
  receivedAt: number;
  /** Format options from the command line (`--format`, `--start-date`, ...). */
  options: Readonly<Record<string, string | undefined>>;
  /** Every input file of the run, sorted, including those the format does not import. */
  files: readonly string[];
  readRecords: ReadRecords;
}

/** What a format has prepared for a run: which files it imports and a mapper per file. */
export interface PreparedFormat {
  /**
   * Identity of the format and its options in the manifest (`xapi`, `csv:oulad`): a file
   * imported under another identity is imported again.
   */
  identity: string;
  /** Whether a file of the inputs is imported (lookup tables, for example, are not). */
  imports(file: string): boolean;
  mapperFor(file: string): FileMapper;
}

export interface ImportFormat {
  /** The `<format>` argument of `learnpulse import`. */
  name: string;
  description: string;
  /** Record syntaxes the format reads; files of other syntaxes in a folder are skipped. */
  syntaxes: readonly RecordSyntax[];
  /**
   * Checks the options and loads what mapping needs (lookup tables). Throws ImportUsageError
   * for a bad option or a missing input, which the command turns into exit code 2.
   */
  prepare(run: ImportRun): Promise<PreparedFormat>;
  /**
   * Whether prepare needs nothing but the run's tenant, config, receipt time and options (no
   * input files): then mapping worker threads prepare the same mapper and map in parallel.
   */
  mapsInWorkers: boolean;
}

/** A mistake in the command line or configuration (exit code 2), not in the data. */
export class ImportUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportUsageError';
  }
}
