import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitCodeOf, type ImportOutcome } from './import-outcome';
import { importSummary } from './import-summary';

const outcome = (rejected: number, status: 'imported' | 'failed' = 'imported'): ImportOutcome => ({
  files: [
    {
      file: 'a.ndjson',
      status,
      imported: 10,
      events: 10,
      rejected,
      rejectedByReason: new Map(rejected > 0 ? [[': must be JSON', rejected]] : []),
    },
  ],
  elapsedMs: 1000,
  reportFile: rejected > 0 ? 'report.ndjson' : null,
});

describe('import summary and exit code', () => {
  it('exits 0 when nothing was rejected and 1 when some records were or a file failed', () => {
    assert.equal(exitCodeOf(outcome(0)), 0);
    assert.equal(exitCodeOf(outcome(2)), 1);
    assert.equal(exitCodeOf(outcome(0, 'failed')), 1);
  });

  it('lists rejections by reason, per file, and where the report is', () => {
    const text = importSummary(outcome(2)).join('\n');
    assert.match(text, /rejected by reason:\n {2}2\t: must be JSON/);
    assert.match(text, /a\.ndjson: imported: 10 imported, 2 rejected/);
    assert.match(text, /rejected records: report\.ndjson/);
  });
});
