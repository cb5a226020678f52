import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  checksumOf,
  DEFAULT_MIGRATIONS_DIR,
  loadMigrations,
  parseMigration,
} from './migration-files';

describe('migration files', () => {
  it('reads version, name, statements and a checksum from NNNN_name.sql', () => {
    const migration = parseMigration('0007_add_things.sql', 'SELECT 1;\nSELECT 2;\n');
    assert.equal(migration.version, 7);
    assert.equal(migration.name, 'add_things');
    assert.deepEqual(migration.statements, ['SELECT 1', 'SELECT 2']);
    assert.equal(migration.checksum, checksumOf('SELECT 1;\r\nSELECT 2;\r\n'));
    assert.notEqual(migration.checksum, checksumOf('SELECT 1;\nSELECT 3;\n'));
  });

  it('rejects a badly named file and a file without statements', () => {
    assert.throws(() => parseMigration('7_x.sql', 'SELECT 1'), /NNNN_name\.sql/);
    assert.throws(() => parseMigration('0001_x.sql', '-- nothing\n;'), /no statement/);
  });

  it('orders files by version and refuses two files with the same version', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    try {
      writeFileSync(path.join(dir, '0002_b.sql'), 'SELECT 2');
      writeFileSync(path.join(dir, '0001_a.sql'), 'SELECT 1');
      writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
      assert.deepEqual(
        loadMigrations(dir).map((m) => m.name),
        ['a', 'b'],
      );
      writeFileSync(path.join(dir, '0002_c.sql'), 'SELECT 3');
      assert.throws(() => loadMigrations(dir), /two migrations have version 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the package migrations from the compiled code', () => {
    const names = loadMigrations(DEFAULT_MIGRATIONS_DIR).map((m) => `${m.version}:${m.name}`);
    assert.deepEqual(names.slice(0, 4), [
      '1:learning_events',
      '2:xapi_statements',
      '3:course_daily_activity',
      '4:sink_offsets',
    ]);
  });
});
