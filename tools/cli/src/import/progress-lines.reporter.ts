/** Progress as plain lines every few seconds, for logs and pipes where a bar would be noise. */
import {
  etaSeconds,
  eventsPerSecond,
  type ImportProgressReporter,
  type ImportProgressSnapshot,
} from './import-progress';

const EVERY_MS = 5_000;

export function progressLine(snapshot: ImportProgressSnapshot): string {
  const percent =
    snapshot.bytesTotal <= 0 ? 100 : Math.floor((snapshot.bytesDone * 100) / snapshot.bytesTotal);
  const eta = etaSeconds(snapshot);
  return [
    `import: files ${snapshot.filesDone}/${snapshot.filesTotal}`,
    `${snapshot.events} events`,
    `${eventsPerSecond(snapshot)} events/s`,
    `${snapshot.rejected} rejected`,
    `${percent}% of bytes`,
    `ETA ${eta === null ? '-' : `${eta} s`}`,
  ].join(', ');
}

export class ProgressLinesReporter implements ImportProgressReporter {
  private lastAt = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  update(snapshot: ImportProgressSnapshot): void {
    if (snapshot.elapsedMs - this.lastAt < EVERY_MS) return;
    this.lastAt = snapshot.elapsedMs;
    this.stream.write(`${progressLine(snapshot)}\n`);
  }

  stop(snapshot: ImportProgressSnapshot): void {
    this.stream.write(`${progressLine(snapshot)}\n`);
  }
}
