/**
 * `learnpulse risk evaluate` on the real OULAD slice (../shared/data/oulad): its AUC, P@10% and
 * R@20% agree with the reference scorer ../shared/tools/oulad_auc.py run on the predictions.csv
 * it writes, per presentation and pooled.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from '@learnpulse/testing';
import { cutoffOption } from './risk.command';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../../../../..');
const SHARED = path.resolve(REPO, '..', 'shared');
const OULAD = path.join(SHARED, 'data', 'oulad');
const CLI = path.join(REPO, 'tools', 'cli', 'bin', 'learnpulse.js');
const REFERENCE = path.join(SHARED, 'tools', 'oulad_auc.py');

/**
 * `name → [AUC, P@10%, R@20%]` of the table lines (`AAA 2013J`, `BBB 2013J`, `ALL`). The
 * reference prints a trailing `missing` column after them; ours ends with R@20%.
 */
function figures(output: string, trailingColumns: number): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const match = /^(ALL|[A-Z]{3} \d{4}[A-Z])\s+(.*)$/.exec(line);
    if (match === null) continue;
    const numbers = (match[2] ?? '').trim().split(/\s+/);
    table.set(
      match[1] ?? '',
      numbers.slice(-3 - trailingColumns, numbers.length - trailingColumns),
    );
  }
  return table;
}

async function evaluate(cutoffArgs: string[], reference: string) {
  const out = path.join(tempDir('risk-evaluate'), 'predictions.csv');
  const ours = await run(
    process.execPath,
    [CLI, 'risk', 'evaluate', '--data', OULAD, ...cutoffArgs, '--out', out],
    {
      maxBuffer: 1 << 24,
    },
  );
  const theirs = await run('python3', [
    REFERENCE,
    '--data',
    OULAD,
    '--predictions',
    out,
    '--cutoff-day',
    reference,
  ]);
  return { ours: ours.stdout, theirs: theirs.stdout, csv: await readFile(out, 'utf8') };
}

describe('risk evaluate', () => {
  for (const [args, reference] of [
    [['--cutoff-day', '14'], '14'],
    [['--cutoff', '25%'], '25%'],
  ] as const) {
    it(`agrees with oulad_auc.py at ${reference}`, async () => {
      const { ours, theirs, csv } = await evaluate([...args], reference);
      assert.equal(csv.split('\n')[0], 'code_module,code_presentation,id_student,score');
      assert.match(theirs, /missing predictions for eligible enrolments: 0;/);
      const lastLine = (text: string) => text.trim().split('\n').at(-1);
      assert.match(lastLine(ours) ?? '', /^AUC=0\.\d{3}$/);
      assert.equal(lastLine(ours), lastLine(theirs));
      const ourTable = figures(ours, 0);
      const theirTable = figures(theirs, 1);
      assert.deepEqual([...ourTable.keys()].sort(), ['AAA 2013J', 'ALL', 'BBB 2013J']);
      assert.deepEqual(ourTable, theirTable);
    });
  }

  it('needs exactly one of --cutoff-day and --cutoff', () => {
    assert.throws(() => cutoffOption({ out: 'p.csv' }), /needs --cutoff-day D or --cutoff P%/);
    assert.throws(() => cutoffOption({ out: 'p.csv', cutoffDay: '14', cutoff: '25%' }), /not both/);
    assert.throws(() => cutoffOption({ out: 'p.csv', cutoffDay: 'x' }), /whole number/);
    assert.equal(cutoffOption({ out: 'p.csv', cutoff: '25%' }), '25%');
  });
});
