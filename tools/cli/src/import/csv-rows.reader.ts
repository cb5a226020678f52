/**
 * CSV rows as objects keyed by the header row. A row with a different number of fields still
 * comes through (missing fields are absent, the format's checks name them); a row the parser
 * cannot read (a broken quote) comes out with `value: undefined`, so the run goes on.
 */
import { parse } from 'csv-parse';
import { type Readable } from 'node:stream';
import { type SourceRecord } from './import-format';

interface ParsedRow {
  record: Record<string, string>;
  raw: string;
  info: { lines: number };
}

export async function* csvRecords(text: Readable): AsyncGenerator<SourceRecord> {
  const skipped: SourceRecord[] = [];
  const parser = parse({
    columns: true,
    raw: true,
    info: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      // The parser has counted the lines of the skipped record by now.
      skipped.push({ line: Number(error?.lines ?? 0), raw: raw ?? '', value: undefined });
      return undefined;
    },
  });
  // pipe() does not forward errors: a failing gunzip or decryption must fail the file.
  text.once('error', (error) => parser.destroy(error));
  text.pipe(parser);
  for await (const row of parser as AsyncIterable<ParsedRow>) {
    while (skipped.length > 0) {
      const bad = skipped.shift();
      if (bad !== undefined) yield bad;
    }
    yield { line: row.info.lines, raw: row.raw.replace(/\r?\n$/, ''), value: row.record };
  }
  yield* skipped;
}
