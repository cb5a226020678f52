/**
 * OpenPGP decryption as a stream: the armored private key and its passphrase come from the
 * configuration (IMPORT_PGP_PRIVATE_KEY, IMPORT_PGP_PASSPHRASE), the message is read and
 * decrypted chunk by chunk so a large encrypted export never sits in memory.
 */
import type * as OpenPgp from 'openpgp' with { 'resolution-mode': 'import' };
import { Readable } from 'node:stream';
import { type ReadableStream as WebReadableStream } from 'node:stream/web';
import { ImportUsageError } from './import-format';

/**
 * openpgp ships its types as an ES module; a dynamic import loads it from this CommonJS build
 * (and only when a .gpg file is imported).
 */
const loadOpenpgp = (): Promise<typeof OpenPgp> => import('openpgp');

export type PgpPrivateKey = OpenPgp.PrivateKey;

export interface PgpKeySource {
  armoredKey: string | undefined;
  passphrase: string | undefined;
}

/** Reads and unlocks the private key; a missing or wrong key or passphrase is a usage error. */
export async function unlockPgpKey(source: PgpKeySource): Promise<PgpPrivateKey> {
  if (source.armoredKey === undefined) {
    throw new ImportUsageError(
      'a .gpg input needs IMPORT_PGP_PRIVATE_KEY (an armored private key)',
    );
  }
  const openpgp = await loadOpenpgp();
  let key: PgpPrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey: source.armoredKey });
  } catch (error) {
    throw new ImportUsageError(
      `IMPORT_PGP_PRIVATE_KEY is not an armored private key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (key.isDecrypted()) return key;
  if (source.passphrase === undefined) {
    throw new ImportUsageError('the private key is protected: set IMPORT_PGP_PASSPHRASE');
  }
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase: source.passphrase });
  } catch {
    throw new ImportUsageError('IMPORT_PGP_PASSPHRASE does not unlock IMPORT_PGP_PRIVATE_KEY');
  }
}

/**
 * The decrypted bytes of an OpenPGP message (binary or armored). Chunks are released as they
 * are decrypted (allowUnauthenticatedStream): openpgp would otherwise hold the whole plaintext
 * until the integrity check at the end. That check still runs: a tampered or truncated
 * message makes the stream fail at its end, and the file is then not marked done.
 */
/**
 * The streaming part of openpgp's API as used here. openpgp's own declarations type streams
 * through @openpgp/web-stream-tools, which it does not install, so they resolve to nothing;
 * this states what the calls take and return in Node's web-stream types.
 */
interface OpenPgpStreaming {
  readMessage(options: {
    binaryMessage: WebReadableStream<Uint8Array>;
    config: StreamConfig;
  }): Promise<object>;
  decrypt(options: {
    message: object;
    decryptionKeys: PgpPrivateKey;
    format: 'binary';
    config: StreamConfig;
  }): Promise<{ data: WebReadableStream<Uint8Array> }>;
}

interface StreamConfig {
  allowUnauthenticatedStream: boolean;
}

export async function decryptPgpStream(encrypted: Readable, key: PgpPrivateKey): Promise<Readable> {
  const openpgp = (await loadOpenpgp()) as unknown as OpenPgpStreaming;
  const config = { allowUnauthenticatedStream: true };
  const input = Readable.toWeb(encrypted) as WebReadableStream<Uint8Array>;
  const message = await openpgp.readMessage({ binaryMessage: input, config });
  const { data } = await openpgp.decrypt({
    message,
    decryptionKeys: key,
    format: 'binary',
    config,
  });
  return Readable.fromWeb(data);
}
