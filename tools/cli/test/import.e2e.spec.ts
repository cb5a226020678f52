/**
 * `learnpulse import` as a user runs it (a child process) against the shared Kafka broker:
 * gzip'd and encrypted files with bad lines imported twice (the manifest makes the second run
 * import nothing), a run killed mid-file and resumed, the report and the exit codes, and the
 * OULAD registration table of the development slice.
 */
import { loadConfig } from '@learnpulse/config';
import { learningEventCodec } from '@learnpulse/events';
import { learnerPseudonym, PSEUDONYM_PATTERN } from '@learnpulse/mappers';
import { createKafka, TOPICS } from '@learnpulse/kafka';
import {
  endOffsets,
  type Offsets,
  readBetween,
  type ReadMessage,
  tempDir,
  uniqueName,
  waitFor,
} from '@learnpulse/testing';
import { type Kafka } from 'kafkajs';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BAD_LINES, generatePgpKeyPair, pgpEncrypt, statementLine } from './import-fixtures';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(workspaceRoot, 'tools/cli/bin/learnpulse.js');
const ouladDir = path.resolve(workspaceRoot, '../shared/data/oulad');
const fixturesDir = path.resolve(workspaceRoot, '../shared/fixtures');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The gateways' key: every import pseudonymises its learners with it. */
const PSEUDONYM_KEY = 'import-e2e-pseudonym-key-of-32-characters';

function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, 'import', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', LEARNER_PSEUDONYM_KEY: PSEUDONYM_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliRun>((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  return { child, exited };
}

const runCli = (args: string[], env: Record<string, string>): Promise<CliRun> =>
  startCli(args, env).exited;

/** What the topic gained since `from` for one tenant (other specs write to the same topics). */
async function readTenantRecords(
  kafka: Kafka,
  topic: string,
  tenant: string,
  from: Offsets,
): Promise<ReadMessage[]> {
  const to = await endOffsets(kafka, topic);
  const records = await readBetween(kafka, topic, from, to, 120_000);
  return records.filter((record) => record.key.startsWith(`${tenant}:`));
}

function eventIds(records: readonly { value: Buffer }[]): string[] {
  return records.map((record) => learningEventCodec.decode(record.value).eventId);
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe('learnpulse import (child process, real Kafka)', () => {
  let kafka: Kafka;

  before(() => {
    kafka = createKafka(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }), 'import-test');
  });

  after(() => undefined);

  it('imports a gzip’d and an encrypted file with bad lines once, however often it runs', async () => {
    const tenant = uniqueName('imp').toLowerCase();
    const dir = tempDir('import-twice');
    const home = tempDir('import-twice-home');
    const keys = await generatePgpKeyPair();
    const plainA = [
      ...Array.from({ length: 40 }, (_, i) => statementLine(`a${i}`, i)),
      // Without ids: the importer derives them from the content.
      ...Array.from({ length: 10 }, (_, i) => statementLine(`n${i}`, i, null)),
      ...BAD_LINES,
    ];
    const plainB = [
      ...Array.from({ length: 30 }, (_, i) => statementLine(`b${i}`, i)),
      ...BAD_LINES,
    ];
    await writeFile(path.join(dir, 'a.ndjson.gz'), gzipSync(`${plainA.join('\n')}\n`));
    const gzB = gzipSync(`${plainB.join('\n')}\n`);
    await writeFile(path.join(dir, 'b.log.gz.gpg'), await pgpEncrypt(gzB, keys.publicKey));
    await writeFile(path.join(dir, 'README.md'), 'not data: skipped in a folder');
    const env = {
      LEARNPULSE_HOME: home,
      IMPORT_PGP_PRIVATE_KEY: keys.privateKey,
      IMPORT_PGP_PASSPHRASE: keys.passphrase,
    };
    const report = path.join(home, 'rejected.ndjson');
    const fromEvents = await endOffsets(kafka, TOPICS.learningEvents);
    const fromStatements = await endOffsets(kafka, TOPICS.xapiStatements);

    const first = await runCli(['xapi', dir, '--tenant', tenant, '--report', report], env);
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stdout, /imported 80 records/);
    assert.match(first.stdout, /rejected 4/);
    const rejected = (await readFile(report, 'utf8'))
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { file: string; line: number; raw: string; errors: unknown[] },
      );
    assert.deepEqual(
      rejected.map((r) => [path.basename(r.file), r.line, r.raw]),
      [
        ['a.ndjson.gz', 51, BAD_LINES[0]],
        ['a.ndjson.gz', 52, BAD_LINES[1]],
        ['b.log.gz.gpg', 31, BAD_LINES[0]],
        ['b.log.gz.gpg', 32, BAD_LINES[1]],
      ],
    );
    assert.ok(rejected.every((r) => r.errors.length > 0));

    const second = await runCli(['xapi', dir, '--tenant', tenant], env);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout.match(/already imported/g)?.length, 2);

    const events = await readTenantRecords(kafka, TOPICS.learningEvents, tenant, fromEvents);
    const ids = eventIds(events);
    assert.equal(ids.length, 80);
    assert.equal(new Set(ids).size, 80);
    const statements = await readTenantRecords(
      kafka,
      TOPICS.xapiStatements,
      tenant,
      fromStatements,
    );
    assert.equal(statements.length, 80);
  });

  it('imports an Open edX tracking log (gzip) and a Caliper file once, however often it runs', async () => {
    const tenant = uniqueName('edx').toLowerCase();
    const dir = tempDir('import-edx');
    const home = tempDir('import-edx-home');
    const tracking = readFileSync(path.join(fixturesDir, 'edx/tracking-sample.log'), 'utf8');
    const lines = tracking.split('\n').filter((line) => line.trim() !== '');
    await writeFile(path.join(dir, 'tracking.log.gz'), gzipSync(`${lines.join('\n')}\nnot json\n`));
    const envelope = readFileSync(
      path.join(fixturesDir, 'caliper/v1p2/caliperEnvelopeEventBatch.json'),
      'utf8',
    );
    const caliperDir = tempDir('import-caliper');
    await writeFile(path.join(caliperDir, 'batch.json'), `[${envelope}]`);
    const env = { LEARNPULSE_HOME: home, LEARNER_PSEUDONYM_KEY: 'p'.repeat(40) };
    const from = await endOffsets(kafka, TOPICS.learningEvents);

    const first = await runCli(['edx', dir, '--tenant', tenant], env);
    assert.equal(first.code, 1, first.stderr); // the one bad line
    assert.match(first.stdout, /rejected 1/);
    const again = await runCli(['edx', dir, '--tenant', tenant], env);
    assert.equal(again.code, 0, again.stderr);
    const caliper = await runCli(['caliper', caliperDir, '--tenant', tenant], env);
    assert.equal(caliper.code, 0, caliper.stderr);

    const events = await readTenantRecords(kafka, TOPICS.learningEvents, tenant, from);
    const decoded = events.map((record) => learningEventCodec.decode(record.value));
    const edx = decoded.filter((event) => event.source === 'edx');
    assert.equal(edx.length, lines.length);
    assert.equal(new Set(edx.map((event) => event.eventId)).size, lines.length);
    const fromCaliper = decoded.filter((event) => event.source === 'caliper');
    assert.ok(fromCaliper.length > 0);
    assert.equal(new Set(fromCaliper.map((event) => event.eventId)).size, fromCaliper.length);
  });

  it('resumes a run killed mid-file without repeating any acknowledged line', async () => {
    const tenant = uniqueName('crash').toLowerCase();
    const dir = tempDir('import-crash');
    const manifest = path.join(dir, 'manifest.json');
    // Small on purpose: every spec replays the shared topics from the beginning.
    const total = 4_000;
    const ids = Array.from({ length: total }, () => randomUUID());
    const file = path.join(dir, 'big.ndjson');
    await writeFile(
      file,
      `${ids.map((id, i) => statementLine(`c${i % 500}`, i, id)).join('\n')}\n`,
    );
    const env = { LEARNPULSE_HOME: path.join(dir, 'home') };
    const args = ['xapi', file, '--tenant', tenant, '--manifest', manifest, '--batch-size', '10'];
    const from = await endOffsets(kafka, TOPICS.learningEvents);

    const crashed = startCli(args, env);
    const committedAtKill = await waitFor(
      'the manifest to show progress',
      async () => {
        const text = await readFile(manifest, 'utf8').catch(() => '');
        if (!text.includes('"in-progress"')) return undefined;
        crashed.child.kill('SIGKILL');
        return text;
      },
      { timeoutMs: 60_000, intervalMs: 5 },
    );
    await crashed.exited;
    assert.match(committedAtKill, /"in-progress"/);
    const entry = Object.values(
      (
        JSON.parse(readFileSync(manifest, 'utf8')) as {
          files: Record<string, { committedLine: number; status: string }>;
        }
      ).files,
    )[0];
    assert.ok(
      entry !== undefined && entry.status === 'in-progress',
      'killed before the end of the file',
    );
    const committed = entry.committedLine;
    assert.ok(committed > 0 && committed < total, `committed line ${committed}`);

    const resumed = await runCli(args, env);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, new RegExp(`resumed after line ${committed}`));

    const counts = countBy(
      eventIds(await readTenantRecords(kafka, TOPICS.learningEvents, tenant, from)),
    );
    assert.equal(counts.size, total, 'every event is on Kafka');
    ids.forEach((id, index) => {
      const line = index + 1;
      const seen = counts.get(id) ?? 0;
      assert.ok(seen >= 1, `line ${line} is missing`);
      // Lines the manifest had as acknowledged are never sent again; only batches acknowledged
      // after its last write may repeat (same id and key: downstream counts them once).
      if (line <= committed) assert.equal(seen, 1, `line ${line} was sent twice`);
    });
  });

  it('exits 2 on a usage error and names the problem', async () => {
    const env = { LEARNPULSE_HOME: tempDir('import-usage') };
    const unknown = await runCli(['edx-nope', '/tmp'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown format edx-nope/);
    const noDate = await runCli(['csv', '--format', 'oulad', ouladDir], env);
    assert.equal(noDate.code, 2);
    assert.match(noDate.stderr, /--start-date/);
    const missing = await runCli(['xapi', '/nonexistent/file.ndjson'], env);
    assert.equal(missing.code, 2);
  });

  it('imports the OULAD registrations of the dev slice as enrolled and unenrolled events', async () => {
    const tenant = uniqueName('oulad').toLowerCase();
    const file = path.join(ouladDir, 'studentRegistration.csv.gz');
    const rows = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').slice(1);
    const dated = (column: number): number =>
      rows.filter((row) => (row.split(',')[column] ?? '').trim() !== '').length;
    const from = await endOffsets(kafka, TOPICS.learningEvents);

    const run = await runCli(
      ['csv', '--format', 'oulad', '--start-date', '2013-10-01', file, '--tenant', tenant],
      { LEARNPULSE_HOME: tempDir('import-oulad') },
    );
    assert.equal(run.code, 0, run.stderr + run.stdout);

    const events = (await readTenantRecords(kafka, TOPICS.learningEvents, tenant, from)).map((r) =>
      learningEventCodec.decode(r.value),
    );
    const actions = countBy(events.map((event) => event.action));
    // Two rows of the slice have no registration date: they give only their unenrolment.
    assert.equal(actions.get('enrolled'), dated(3));
    assert.equal(actions.get('unenrolled'), dated(4));
    assert.equal(new Set(events.map((event) => event.eventId)).size, events.length);
    assert.deepEqual(
      new Set(events.map((event) => event.courseId)),
      new Set(['AAA-2013J', 'BBB-2013J']),
    );
    assert.ok(events.every((event) => event.source === 'csv'));
    // Pseudonymised like every other path: the HMAC of oulad:<id_student>, per tenant.
    const firstStudent = (rows[0] ?? '').split(',')[2]?.trim() ?? '';
    assert.ok(
      events.some(
        (e) => e.learnerId === learnerPseudonym(PSEUDONYM_KEY, tenant, `oulad:${firstStudent}`),
      ),
      firstStudent,
    );
    assert.ok(events.every((event) => PSEUDONYM_PATTERN.test(event.learnerId)));
  });
});
