/**
 * Input files for the import specs: xAPI statement lines, gzip'd and OpenPGP-encrypted copies
 * (with a key pair generated in the test, never a stored one).
 */
import type * as OpenPgp from 'openpgp' with { 'resolution-mode': 'import' };
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const loadOpenpgp = (): Promise<typeof OpenPgp> => import('openpgp');

export interface PgpKeyPair {
  privateKey: string;
  publicKey: string;
  passphrase: string;
}

export async function generatePgpKeyPair(): Promise<PgpKeyPair> {
  const openpgp = await loadOpenpgp();
  const passphrase = randomUUID();
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'import test', email: 'import-test@example.edu' }],
    passphrase,
    format: 'armored',
  });
  return { privateKey, publicKey, passphrase };
}

export async function pgpEncrypt(plain: Buffer, armoredPublicKey: string): Promise<Buffer> {
  const openpgp = await loadOpenpgp();
  const encryptionKeys = await openpgp.readKey({ armoredKey: armoredPublicKey });
  // openpgp's declarations type messages through a package it does not install: state the
  // shape of the two calls used here.
  const api = openpgp as unknown as {
    createMessage(options: { binary: Uint8Array }): Promise<object>;
    encrypt(options: {
      message: object;
      encryptionKeys: OpenPgp.PublicKey;
      format: 'binary';
    }): Promise<Uint8Array>;
  };
  const message = await api.createMessage({ binary: new Uint8Array(plain) });
  return Buffer.from(await api.encrypt({ message, encryptionKeys, format: 'binary' }));
}

/** A valid statement; `id` left out when null (the importer derives one). */
export function statementLine(
  learner: string,
  index: number,
  id: string | null = randomUUID(),
): string {
  return JSON.stringify({
    ...(id === null ? {} : { id }),
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.edu', name: learner } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { objectType: 'Activity', id: `https://lms.example.edu/course/7/page/${index}` },
    timestamp: new Date(Date.UTC(2024, 0, 1) + index * 1000).toISOString(),
  });
}

/** Lines that are not statements, each for a different reason. */
export const BAD_LINES = [
  'not json at all',
  JSON.stringify({
    actor: { mbox: 'mailto:x@example.edu' },
    verb: { id: 'bad' },
    object: { id: 'https://x.example/1' },
  }),
];

export async function writeGzip(file: string, text: string): Promise<void> {
  await writeFile(file, gzipSync(Buffer.from(text)));
}
