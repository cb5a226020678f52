/** What an import did, per file and in total: the summary and the exit code come from it. */

export type FileStatus = 'imported' | 'already-imported' | 'failed';

export interface FileOutcome {
  file: string;
  status: FileStatus;
  /** Source records accepted in this run. */
  imported: number;
  /** LearningEvents sent in this run. */
  events: number;
  /** Source records rejected in this run. */
  rejected: number;
  /** Rejected records by their first error (`path: rule`). */
  rejectedByReason: Map<string, number>;
  /** Set when the file resumed after a crash: lines up to this one were already on Kafka. */
  resumedAfterLine?: number;
  /** Why the file could not be read to its end (status failed). */
  error?: string;
}

export interface ImportOutcome {
  files: FileOutcome[];
  elapsedMs: number;
  /** Where rejected records were written, when there were any. */
  reportFile: string | null;
}

export function totalOf(outcome: ImportOutcome, field: 'imported' | 'events' | 'rejected'): number {
  return outcome.files.reduce((sum, file) => sum + file[field], 0);
}

/** 0: everything imported; 1: some records rejected or a file failed. (2 is a usage error.) */
export function exitCodeOf(outcome: ImportOutcome): 0 | 1 {
  const failed = outcome.files.some((file) => file.status === 'failed' || file.rejected > 0);
  return failed ? 1 : 0;
}
