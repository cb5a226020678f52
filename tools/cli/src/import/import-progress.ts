/** What an import reports while it runs: the snapshot, its rate and ETA, the reporter contract. */

export interface ImportProgressSnapshot {
  filesDone: number;
  filesTotal: number;
  /** LearningEvents sent so far in this run. */
  events: number;
  rejected: number;
  /** Raw (still compressed or encrypted) bytes read so far, of bytesTotal. */
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
}

export interface ImportProgressReporter {
  update(snapshot: ImportProgressSnapshot): void;
  stop(snapshot: ImportProgressSnapshot): void;
}

/** Events per second over the run so far. */
export function eventsPerSecond(snapshot: ImportProgressSnapshot): number {
  return snapshot.elapsedMs <= 0 ? 0 : Math.round((snapshot.events * 1000) / snapshot.elapsedMs);
}

/** Seconds left at the byte rate so far, or null before there is a rate. */
export function etaSeconds(snapshot: ImportProgressSnapshot): number | null {
  if (snapshot.bytesDone <= 0 || snapshot.elapsedMs <= 0) return null;
  const left = Math.max(0, snapshot.bytesTotal - snapshot.bytesDone);
  return Math.round((left * snapshot.elapsedMs) / snapshot.bytesDone / 1000);
}
