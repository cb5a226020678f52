/**
 * The import manifest: what earlier runs imported, so a re-run imports nothing twice and a
 * crashed run resumes. A file is known by its SHA-256 with the tenant and format identity;
 * while it is imported the entry records the last line whose records Kafka acknowledged.
 * The JSON file is replaced atomically (write, fsync, rename), so a crash never leaves half a
 * manifest behind.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const entrySchema = z.object({
  sha256: z.string(),
  tenant: z.string(),
  format: z.string(),
  /** Where the file was when last imported (informational: the checksum is the identity). */
  path: z.string(),
  status: z.enum(['in-progress', 'done']),
  /** Every record up to this line is on Kafka. */
  committedLine: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  updatedAt: z.string(),
});

const manifestSchema = z.object({
  version: z.literal(1),
  files: z.record(z.string(), entrySchema),
});

export type ManifestEntry = z.infer<typeof entrySchema>;

export type ManifestProgress = Pick<ManifestEntry, 'committedLine' | 'imported' | 'rejected'>;

export function manifestKey(sha256: string, tenant: string, format: string): string {
  return `${sha256}:${tenant}:${format}`;
}

export class ImportManifestStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly files: Record<string, ManifestEntry>,
  ) {}

  /** Reads the manifest, or starts an empty one when the file does not exist yet. */
  static async open(file: string): Promise<ImportManifestStore> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return new ImportManifestStore(file, {});
      throw error;
    }
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(
        `${file} is not an import manifest: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    return new ImportManifestStore(file, parsed.data.files);
  }

  get(key: string): ManifestEntry | undefined {
    return this.files[key];
  }

  /** Records progress (or completion) of a file and writes the manifest. */
  update(
    key: string,
    identity: Pick<ManifestEntry, 'sha256' | 'tenant' | 'format' | 'path'>,
    progress: ManifestProgress,
    status: ManifestEntry['status'],
  ): Promise<void> {
    this.files[key] = { ...identity, ...progress, status, updatedAt: new Date().toISOString() };
    return this.save();
  }

  /** Writes are serialised; each writes the state current when it starts. */
  private save(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify({ version: 1, files: this.files }, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
  }
}
