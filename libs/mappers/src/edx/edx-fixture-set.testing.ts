/**
 * For specs only: the Open edX fixture set next to the repo (../shared/fixtures): raw tracking
 * events, the manifest and the xAPI statements event-routing-backends produced for them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type JsonObject, type JsonValue } from './edx-event.types';
import { isJsonObject } from './json-value';

// dist/src/edx/*.js → the workspace root is five levels up; the fixtures are its sibling.
const workspaceRoot = path.resolve(__dirname, '../../../../..');
export const FIXTURES = path.resolve(workspaceRoot, '../shared/fixtures');

export interface ManifestEntry {
  readonly line: number;
  readonly fixture: string;
  readonly event_name: string;
  readonly xapi_expected: string | null;
}

export function readLines(relative: string): string[] {
  return readFileSync(path.join(FIXTURES, relative), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0);
}

export function manifest(): ManifestEntry[] {
  return JSON.parse(
    readFileSync(path.join(FIXTURES, 'edx/manifest.json'), 'utf8'),
  ) as ManifestEntry[];
}

export function expectedStatements(entry: ManifestEntry): JsonObject[] {
  if (entry.xapi_expected === null) return [];
  const content = JSON.parse(
    readFileSync(path.join(FIXTURES, entry.xapi_expected), 'utf8'),
  ) as JsonValue;
  const list = Array.isArray(content) ? content : [content];
  return list.filter(isJsonObject);
}

/** File names (under edx-xapi-expected/) that the shared set lists as invalid xAPI. */
export function invalidExpectedFiles(): Set<string> {
  const entries = JSON.parse(
    readFileSync(path.join(FIXTURES, 'xapi/invalid.manifest.json'), 'utf8'),
  ) as { path: string }[];
  return new Set(entries.map((entry) => path.basename(entry.path)));
}
