import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@learnpulse/testing';
import { ImportManifestStore, manifestKey } from './import-manifest.store';

describe('ImportManifestStore', () => {
  const identity = { sha256: 'ab', tenant: 't', format: 'xapi', path: '/x.ndjson' };

  it('starts empty when the file does not exist and keeps what was written', async () => {
    const file = path.join(tempDir('manifest'), 'nested', 'import-manifest.json');
    const store = await ImportManifestStore.open(file);
    const key = manifestKey('ab', 't', 'xapi');
    assert.equal(store.get(key), undefined);
    await store.update(
      key,
      identity,
      { committedLine: 10, imported: 9, rejected: 1 },
      'in-progress',
    );
    await store.update(key, identity, { committedLine: 20, imported: 19, rejected: 1 }, 'done');
    const reopened = await ImportManifestStore.open(file);
    assert.equal(reopened.get(key)?.status, 'done');
    assert.equal(reopened.get(key)?.committedLine, 20);
  });

  it('tells files of other tenants and formats apart', () => {
    assert.notEqual(manifestKey('ab', 't', 'xapi'), manifestKey('ab', 'u', 'xapi'));
    assert.notEqual(manifestKey('ab', 't', 'xapi'), manifestKey('ab', 't', 'csv:oulad'));
  });

  it('refuses a file that is not a manifest', async () => {
    const file = path.join(tempDir('manifest'), 'm.json');
    await writeFile(file, '{"files": 3}');
    await assert.rejects(ImportManifestStore.open(file), /not an import manifest/);
  });
});
