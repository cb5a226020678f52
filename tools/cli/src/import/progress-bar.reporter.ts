/** The terminal progress bar (cli-progress): files, events, events/s and an ETA by bytes. */
import { SingleBar } from 'cli-progress';
import {
  etaSeconds,
  eventsPerSecond,
  type ImportProgressReporter,
  type ImportProgressSnapshot,
} from './import-progress';

function payload(snapshot: ImportProgressSnapshot): Record<string, string | number> {
  const eta = etaSeconds(snapshot);
  return {
    files: `${snapshot.filesDone}/${snapshot.filesTotal}`,
    events: snapshot.events.toLocaleString('en'),
    rate: eventsPerSecond(snapshot).toLocaleString('en'),
    rejected: snapshot.rejected,
    remaining: eta === null ? '-' : `${eta}s`,
  };
}

export class ProgressBarReporter implements ImportProgressReporter {
  private readonly bar: SingleBar;
  private started = false;

  constructor(stream: NodeJS.WriteStream) {
    this.bar = new SingleBar({
      stream,
      format:
        '{bar} {percentage}% | files {files} | {events} events | {rate} events/s | rejected {rejected} | ETA {remaining}',
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    });
  }

  update(snapshot: ImportProgressSnapshot): void {
    const total = Math.max(1, snapshot.bytesTotal);
    if (!this.started) {
      this.bar.start(total, snapshot.bytesDone, payload(snapshot));
      this.started = true;
      return;
    }
    this.bar.setTotal(total);
    this.bar.update(snapshot.bytesDone, payload(snapshot));
  }

  stop(snapshot: ImportProgressSnapshot): void {
    this.update(snapshot);
    this.bar.stop();
  }
}
