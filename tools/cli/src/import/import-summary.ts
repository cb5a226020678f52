/** The summary printed at the end of an import: totals, then each file with its rejections. */
import { exitCodeOf, type ImportOutcome, totalOf } from './import-outcome';

function rate(events: number, elapsedMs: number): number {
  return elapsedMs <= 0 ? 0 : Math.round((events * 1000) / elapsedMs);
}

export function importSummary(outcome: ImportOutcome): string[] {
  const events = totalOf(outcome, 'events');
  const files = outcome.files.length;
  const lines = [
    `imported ${totalOf(outcome, 'imported')} records in this run (${events} events, ` +
      `${rate(events, outcome.elapsedMs)} events/s), rejected ${totalOf(outcome, 'rejected')}; ` +
      `${files} ${files === 1 ? 'file' : 'files'} in ${(outcome.elapsedMs / 1000).toFixed(1)} s`,
  ];
  const reasons = new Map<string, number>();
  for (const file of outcome.files) {
    for (const [reason, count] of file.rejectedByReason) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + count);
    }
  }
  if (reasons.size > 0) {
    lines.push('rejected by reason:');
    for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${count}\t${reason}`);
    }
  }
  lines.push('files:');
  for (const file of outcome.files) {
    const detail =
      file.status === 'already-imported'
        ? 'already imported (manifest), skipped'
        : `${file.status}: ${file.imported} imported, ${file.rejected} rejected` +
          (file.resumedAfterLine === undefined
            ? ''
            : `, resumed after line ${file.resumedAfterLine}`) +
          (file.error === undefined ? '' : ` (${file.error})`);
    lines.push(`  ${file.file}: ${detail}`);
  }
  if (outcome.reportFile !== null) lines.push(`rejected records: ${outcome.reportFile}`);
  lines.push(`exit code ${exitCodeOf(outcome)}`);
  return lines;
}
