/** The ordered SQL migrations of the warehouse: `migrations/NNNN_name.sql` in this package. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitStatements } from './split-statements';

export interface Migration {
  version: number;
  name: string;
  /** sha256 of the file text (line endings normalised), recorded when applied. */
  checksum: string;
  statements: string[];
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** libs/clickhouse/migrations, found from the compiled dist/src/migrations folder. */
export const DEFAULT_MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', '..', 'migrations');

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function parseMigration(fileName: string, sql: string): Migration {
  const match = FILE_NAME.exec(fileName);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`migration file ${fileName} must be named NNNN_name.sql`);
  }
  const statements = splitStatements(sql);
  if (statements.length === 0) throw new Error(`migration ${fileName} has no statement`);
  return { version: Number(match[1]), name: match[2], checksum: checksumOf(sql), statements };
}

/** Reads every `*.sql` file of the folder, ordered by version; versions must be unique. */
export function loadMigrations(directory: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => parseMigration(file, readFileSync(path.join(directory, file), 'utf8')))
    .sort((a, b) => a.version - b.version);
  for (let k = 1; k < migrations.length; k += 1) {
    const previous = migrations[k - 1];
    const migration = migrations[k];
    if (
      previous !== undefined &&
      migration !== undefined &&
      previous.version === migration.version
    ) {
      throw new Error(`two migrations have version ${migration.version}`);
    }
  }
  return migrations;
}
