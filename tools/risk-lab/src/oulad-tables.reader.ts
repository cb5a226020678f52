/**
 * Rows of one OULAD table (`<name>.csv` or `<name>.csv.gz` in a folder), as objects keyed by
 * the header, with their 1-based line numbers (the header is line 1), as the importer counts.
 */
import { parse } from 'csv-parse';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface TableRow {
  line: number;
  row: Record<string, string>;
}

/** The file of a table in `folder`, or null when there is none. */
export function tableFile(folder: string, name: string): string | null {
  for (const candidate of [`${name}.csv`, `${name}.csv.gz`]) {
    const file = path.join(folder, candidate);
    if (existsSync(file)) return file;
  }
  return null;
}

export async function* tableRows(folder: string, name: string): AsyncGenerator<TableRow> {
  const file = tableFile(folder, name);
  if (file === null) throw new Error(`${name}.csv(.gz) not found in ${folder}`);
  let input: Readable = createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(createGunzip());
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, info: true }),
  );
  for await (const record of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    yield { line: record.info.lines, row: record.record };
  }
}

/** Every row of a small table. */
export async function readTable(folder: string, name: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const { row } of tableRows(folder, name)) rows.push(row);
  return rows;
}
