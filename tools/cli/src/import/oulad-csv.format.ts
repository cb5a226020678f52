/**
 * `import csv --format oulad --start-date YYYY-MM-DD <folder>`: the OULAD tables. The small
 * lookup tables (vle, assessments) are loaded first from the same inputs; the event tables
 * (studentRegistration, studentVle, studentAssessment) are streamed row by row through the
 * pure mappers of @learnpulse/mappers. Other tables (courses, studentInfo) are not events
 * and are skipped; studentInfo's final_result is the label and must never become a feature.
 */
import {
  addOuladAssessment,
  addOuladSite,
  emptyOuladLookups,
  isOuladEventTable,
  mapOuladRow,
  type OuladLookups,
  type OuladRow,
  ouladTableName,
  parseOuladStartDate,
  pseudonymiseLearningEvent,
} from '@learnpulse/mappers';
import path from 'node:path';
import {
  type ImportFormat,
  type ImportRun,
  ImportUsageError,
  type PreparedFormat,
} from './import-format';
import { learningEventRecords } from '@learnpulse/kafka';
import { importPseudonyms } from './import-pseudonyms';

/** The identity an OULAD student is pseudonymised from (and `learner erase --learner` takes). */
export const ouladLearnerIdentity = (student: string): string => `oulad:${student}`;

/** The CSV dialects `--format` accepts. */
export const CSV_DIALECTS = ['oulad'] as const;

function isRow(value: unknown): value is OuladRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function loadLookups(run: ImportRun): Promise<OuladLookups> {
  const lookups = emptyOuladLookups();
  for (const file of run.files) {
    const table = ouladTableName(file);
    if (table !== 'vle' && table !== 'assessments') continue;
    const add = table === 'vle' ? addOuladSite : addOuladAssessment;
    for await (const record of run.readRecords(file)) {
      if (!isRow(record.value) || add(lookups, record.value).length > 0) {
        throw new ImportUsageError(`${file} line ${record.line} is not a valid ${table} row`);
      }
    }
  }
  return lookups;
}

function requireLookup(run: ImportRun, needs: string, lookup: string): void {
  const tables = new Set(run.files.map(ouladTableName));
  if (tables.has(needs) && !tables.has(lookup)) {
    throw new ImportUsageError(`${needs} joins ${lookup}: add ${lookup}.csv(.gz) to the inputs`);
  }
}

async function prepareOulad(run: ImportRun): Promise<PreparedFormat> {
  const dialect = run.options.format;
  if (dialect !== 'oulad') {
    throw new ImportUsageError(
      `import csv needs --format <dialect> (one of: ${CSV_DIALECTS.join(', ')})`,
    );
  }
  const startDate = parseOuladStartDate(run.options.startDate ?? '');
  if (startDate === null) {
    throw new ImportUsageError('import csv --format oulad needs --start-date YYYY-MM-DD (day 0)');
  }
  requireLookup(run, 'studentVle', 'vle');
  requireLookup(run, 'studentAssessment', 'assessments');
  const pseudonymOf = importPseudonyms(run);
  const lookups = await loadLookups(run);
  return {
    identity: 'csv:oulad',
    imports: (file) => isOuladEventTable(ouladTableName(file)),
    mapperFor: (file) => {
      const table = ouladTableName(path.basename(file));
      if (!isOuladEventTable(table)) throw new Error(`${file} is not an OULAD event table`);
      return {
        mapRecord: (record) => {
          if (!isRow(record.value)) return { errors: [{ path: '', rule: 'must be a CSV row' }] };
          const result = mapOuladRow(
            table,
            record.value,
            { tenant: run.tenant, startDate, receivedAt: run.receivedAt, line: record.line },
            lookups,
          );
          if ('errors' in result) return result;
          const events = result.events.map((event) =>
            pseudonymiseLearningEvent(event, pseudonymOf, ouladLearnerIdentity),
          );
          return { records: [learningEventRecords(events)] };
        },
      };
    },
  };
}

export const csvFormat: ImportFormat = {
  name: 'csv',
  description: 'CSV tables of a known dialect (--format oulad --start-date YYYY-MM-DD)',
  syntaxes: ['csv'],
  // Its mappers join the lookup tables prepare loads from the input files.
  mapsInWorkers: false,
  prepare: prepareOulad,
};
