/**
 * The shared fixture set beside the repository (../shared/fixtures): Open edX tracking logs with
 * the statements event-routing-backends wrote for them, and the Caliper specification's files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// dist/test/*.js → the workspace root is four levels up; the fixtures are its sibling.
const workspaceRoot = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.resolve(workspaceRoot, '../shared/fixtures');

export function fixtureText(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/** The non-blank lines of an NDJSON fixture. */
export function fixtureLines(relative: string): string[] {
  return fixtureText(relative)
    .split('\n')
    .filter((line) => line.trim().length > 0);
}

export function fixtureFiles(dir: string): string[] {
  return readdirSync(path.join(FIXTURES, dir))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

export interface ManifestEntry {
  readonly line: number;
  readonly fixture: string;
  readonly xapi_expected: string | null;
}

export function edxManifest(): ManifestEntry[] {
  return JSON.parse(fixtureText('edx/manifest.json')) as ManifestEntry[];
}

/** The statements Open edX wrote for a manifest entry (one or several). */
export function expectedStatements(
  entry: ManifestEntry,
): { id: string; actor: { account: { name: string } } }[] {
  if (entry.xapi_expected === null) return [];
  const content = JSON.parse(fixtureText(entry.xapi_expected)) as unknown;
  return (Array.isArray(content) ? content : [content]) as {
    id: string;
    actor: { account: { name: string } };
  }[];
}
