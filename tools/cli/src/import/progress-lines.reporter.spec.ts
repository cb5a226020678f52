import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { etaSeconds, eventsPerSecond, type ImportProgressSnapshot } from './import-progress';
import { progressLine, ProgressLinesReporter } from './progress-lines.reporter';

const snapshot = (elapsedMs: number): ImportProgressSnapshot => ({
  filesDone: 1,
  filesTotal: 4,
  events: 20_000,
  rejected: 3,
  bytesDone: 250,
  bytesTotal: 1000,
  elapsedMs,
});

describe('import progress', () => {
  it('computes events/s so far and the ETA from the byte rate', () => {
    assert.equal(eventsPerSecond(snapshot(2000)), 10_000);
    assert.equal(etaSeconds(snapshot(2000)), 6);
    assert.equal(etaSeconds({ ...snapshot(2000), bytesDone: 0 }), null);
  });

  it('writes a plain line at most every 5 s, and one at the end', () => {
    const written: string[] = [];
    const reporter = new ProgressLinesReporter({
      write: (line: string) => written.push(line),
    } as unknown as NodeJS.WritableStream);
    reporter.update(snapshot(1000));
    reporter.update(snapshot(5000));
    reporter.update(snapshot(6000));
    reporter.stop(snapshot(7000));
    assert.equal(written.length, 2);
    assert.equal(
      progressLine(snapshot(2000)),
      'import: files 1/4, 20000 events, 10000 events/s, 3 rejected, 25% of bytes, ETA 6 s',
    );
  });
});
