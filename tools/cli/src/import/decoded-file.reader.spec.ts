import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { tempDir } from '@learnpulse/testing';
import { generatePgpKeyPair, pgpEncrypt } from '../../test/import-fixtures';
import { openInputFile } from './decoded-file.reader';
import { ImportUsageError, type SourceRecord } from './import-format';
import { describeInputFile } from './input-files';
import { unlockPgpKey } from './gpg-decrypt.reader';

const noKey = (): Promise<never> => Promise.reject(new Error('no key expected'));

async function readAll(
  file: string,
  pgpKey: Parameters<typeof openInputFile>[1] = noKey,
): Promise<SourceRecord[]> {
  const input = describeInputFile(file);
  assert.ok(input, `${file} has no known syntax`);
  const records: SourceRecord[] = [];
  for await (const record of (await openInputFile(input, pgpKey)).records) records.push(record);
  return records;
}

const lines = ['{"n":1}', '', '{"n":2}', 'oops', '{"n":3}'].join('\n') + '\n';

describe('import readers', () => {
  const dir = tempDir('import-readers');

  it('reads NDJSON line by line, skipping blank lines and keeping line numbers', async () => {
    const file = path.join(dir, 'a.ndjson');
    await writeFile(file, lines);
    const records = await readAll(file);
    assert.deepEqual(
      records.map((r) => [r.line, r.value]),
      [
        [1, { n: 1 }],
        [3, { n: 2 }],
        [4, undefined],
        [5, { n: 3 }],
      ],
    );
    assert.equal(records[2]?.raw, 'oops');
  });

  it('reads a gzip-compressed log (.log.gz)', async () => {
    const file = path.join(dir, 'a.log.gz');
    await writeFile(file, gzipSync(Buffer.from(lines)));
    assert.equal((await readAll(file)).length, 4);
  });

  it('reads the items of a JSON array with their lines, brackets in strings included', async () => {
    const file = path.join(dir, 'a.json');
    await writeFile(file, '[\n  {"s": "a],[b\\"}"},\n  [1, 2],\n  {"t": {"u": []}}\n]\n');
    const records = await readAll(file);
    assert.deepEqual(
      records.map((r) => [r.line, r.value]),
      [
        [2, { s: 'a],[b"}' }],
        [3, [1, 2]],
        [4, { t: { u: [] } }],
      ],
    );
  });

  it('reads a JSON file holding one object as one record', async () => {
    const file = path.join(dir, 'one.json');
    await writeFile(file, '{"n": 1,\n "m": [2]}\n');
    assert.deepEqual(
      (await readAll(file)).map((r) => r.value),
      [{ n: 1, m: [2] }],
    );
  });

  it('reads CSV rows keyed by the header, with their lines', async () => {
    const file = path.join(dir, 't.csv.gz');
    await writeFile(file, gzipSync(Buffer.from('a,b\n1,2\n3\n"x,y",4\n')));
    assert.deepEqual(
      (await readAll(file)).map((r) => [r.line, r.value]),
      [
        [2, { a: '1', b: '2' }],
        [3, { a: '3' }],
        [4, { a: 'x,y', b: '4' }],
      ],
    );
  });

  it('decrypts an OpenPGP file and a gzip inside it (.log.gz.gpg)', async () => {
    const keys = await generatePgpKeyPair();
    const file = path.join(dir, 'secret.log.gz.gpg');
    await writeFile(file, await pgpEncrypt(gzipSync(Buffer.from(lines)), keys.publicKey));
    const key = await unlockPgpKey({ armoredKey: keys.privateKey, passphrase: keys.passphrase });
    const records = await readAll(file, () => Promise.resolve(key));
    assert.deepEqual(
      records.map((r) => r.value),
      [{ n: 1 }, { n: 2 }, undefined, { n: 3 }],
    );
  });

  it('refuses a wrong passphrase as a usage error', async () => {
    const keys = await generatePgpKeyPair();
    await assert.rejects(
      unlockPgpKey({ armoredKey: keys.privateKey, passphrase: 'wrong' }),
      ImportUsageError,
    );
  });

  it('fails the iteration of a corrupt gzip file instead of hanging', async () => {
    const file = path.join(dir, 'broken.ndjson.gz');
    await writeFile(file, gzipSync(Buffer.from(lines)).subarray(0, 20));
    await assert.rejects(readAll(file));
  });
});
