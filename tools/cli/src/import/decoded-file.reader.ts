/**
 * Opens an input file as decoded text: the raw bytes (whose count drives the progress ETA),
 * then each layer from the outside in (OpenPGP decryption, gunzip), then the file's records.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { csvRecords } from './csv-rows.reader';
import { decryptPgpStream, type PgpPrivateKey } from './gpg-decrypt.reader';
import { type SourceRecord } from './import-format';
import { type InputFile } from './input-files';
import { jsonDocumentRecords } from './json-document.reader';
import { jsonLineRecords } from './json-lines.reader';

export interface OpenedFile {
  /** The file's own bytes: `bytesRead` is how far the import has got. */
  raw: ReadStream;
  records: AsyncIterable<SourceRecord>;
}

/** The unlocked private key, asked for only when a file needs it. */
export type PgpKeyProvider = () => Promise<PgpPrivateKey>;

// 1 MiB reads: fewer syscalls and chunks on the hot path than the 64 KiB default.
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * `parseJson` false leaves JSON records unparsed (`value` undefined): the mapping workers parse
 * their text, off the thread that reads and sends. CSV rows are always parsed here.
 */
export async function openInputFile(
  file: InputFile,
  pgpKey: PgpKeyProvider,
  parseJson = true,
): Promise<OpenedFile> {
  const raw = createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES });
  let stream: Readable = raw;
  for (const layer of file.layers) {
    if (layer === 'gpg') {
      stream = await decryptPgpStream(stream, await pgpKey());
    } else {
      const gunzip = createGunzip({ chunkSize: 256 * 1024 });
      // pipe() does not forward errors: a read error must fail the file, not hang it.
      stream.once('error', (error) => gunzip.destroy(error));
      stream = stream.pipe(gunzip);
    }
  }
  stream.setEncoding('utf8');
  const records =
    file.syntax === 'json-lines'
      ? jsonLineRecords(stream as AsyncIterable<string>, parseJson)
      : file.syntax === 'csv'
        ? csvRecords(stream)
        : jsonDocumentRecords(stream as AsyncIterable<string>, parseJson);
  return { raw, records };
}
