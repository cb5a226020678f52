import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@learnpulse/testing';
import { ImportUsageError } from './import-format';
import { describeInputFile, expandInputs } from './input-files';

describe('import input files', () => {
  it('reads encoding layers from the outside in and the syntax under them', () => {
    assert.deepEqual(describeInputFile('/x/tracking.log.gz.gpg'), {
      path: '/x/tracking.log.gz.gpg',
      layers: ['gpg', 'gzip'],
      syntax: 'json-lines',
    });
    assert.equal(describeInputFile('a.ndjson.gz')?.syntax, 'json-lines');
    assert.equal(describeInputFile('a.json')?.syntax, 'json-document');
    assert.equal(describeInputFile('studentVle.csv.gz')?.syntax, 'csv');
    assert.equal(describeInputFile('README.md'), null);
    assert.equal(describeInputFile('SHA256SUMS.gz'), null);
  });

  it('expands folders recursively in sorted order, each file once', async () => {
    const dir = tempDir('import-inputs');
    await mkdir(path.join(dir, 'b'), { recursive: true });
    for (const name of ['c.ndjson', 'a.ndjson', 'b/2.ndjson', 'b/1.ndjson']) {
      await writeFile(path.join(dir, name), '');
    }
    const files = await expandInputs([dir, path.join(dir, 'a.ndjson')]);
    assert.deepEqual(
      files.map((file) => path.relative(dir, file)),
      ['a.ndjson', 'b/1.ndjson', 'b/2.ndjson', 'c.ndjson'],
    );
  });

  it('refuses an input that does not exist', async () => {
    await assert.rejects(expandInputs(['/nonexistent/x.ndjson']), ImportUsageError);
  });
});
