/**
 * The report of rejected records: one NDJSON line per record with the file, line number,
 * errors and the raw text, so a user can fix the lines and import them again.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { type RecordError } from './import-format';

export interface Rejection {
  file: string;
  line: number;
  errors: RecordError[];
  raw: string;
}

export class RejectionReportWriter {
  private stream: WriteStream | undefined;

  constructor(readonly file: string) {}

  /** Whether this run rejected anything (and so created the report). */
  get written(): boolean {
    return this.stream !== undefined;
  }

  async write(rejection: Rejection): Promise<void> {
    if (this.stream === undefined) {
      // Created on the first rejection: a clean run leaves no empty report behind.
      await mkdir(path.dirname(this.file), { recursive: true });
      this.stream = createWriteStream(this.file, { flags: 'a' });
    }
    if (!this.stream.write(`${JSON.stringify(rejection)}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.stream === undefined) return;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => {
      stream.end((error?: Error | null) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }
}
