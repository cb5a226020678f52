/**
 * The files of an import: folders expanded recursively in sorted order, and what each file's
 * name says about it, read from the end: `.gpg` (OpenPGP) and `.gz` (gzip) layers around a
 * record syntax (`.ndjson`, `.log.gz.gpg`, `.csv.gz`).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportUsageError, type RecordSyntax } from './import-format';

export type EncodingLayer = 'gpg' | 'gzip';

export interface InputFile {
  path: string;
  /** Outermost first: `x.log.gz.gpg` → ['gpg', 'gzip']. */
  layers: EncodingLayer[];
  syntax: RecordSyntax;
}

const LAYER_EXTENSIONS: Readonly<Record<string, EncodingLayer>> = {
  '.gpg': 'gpg',
  '.pgp': 'gpg',
  '.gz': 'gzip',
};

const SYNTAX_EXTENSIONS: Readonly<Record<string, RecordSyntax>> = {
  '.ndjson': 'json-lines',
  '.jsonl': 'json-lines',
  '.log': 'json-lines',
  '.json': 'json-document',
  '.csv': 'csv',
};

/** What a file name says, or null when it ends in no known record syntax. */
export function describeInputFile(file: string): InputFile | null {
  const layers: EncodingLayer[] = [];
  let rest = file;
  for (;;) {
    const extension = path.extname(rest).toLowerCase();
    const layer = LAYER_EXTENSIONS[extension];
    if (layer !== undefined) {
      layers.push(layer);
      rest = rest.slice(0, -extension.length);
      continue;
    }
    const syntax = SYNTAX_EXTENSIONS[extension];
    return syntax === undefined ? null : { path: file, layers, syntax };
  }
}

// Byte order, not locale order: the same folder lists the same way on every machine.
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    byName(a.name, b.name),
  );
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/**
 * Every file under the inputs, in the order given (folders: sorted, recursively), each once.
 * A missing input is a usage error.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info === null) throw new ImportUsageError(`no such file or folder: ${input}`);
    const found = info.isDirectory() ? await walk(input) : [input];
    for (const file of found) {
      const key = path.resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}
