import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { learningEventCodec } from '@learnpulse/events';
import { type ProducerRecord, TOPICS } from '@learnpulse/kafka';
import { learnerPseudonym } from '@learnpulse/mappers';
import { tempDir } from '@learnpulse/testing';
import { BAD_LINES, statementLine } from '../../test/import-fixtures';
import { fileSha256 } from './file-checksum';
import { ImportManifestStore, manifestKey } from './import-manifest.store';
import { exitCodeOf } from './import-outcome';
import { type ImportProgressReporter } from './import-progress';
import { runImport, type ImportRunOptions } from './import-run';
import { RejectionReportWriter } from './rejection-report.writer';
import { xapiFormat } from './xapi.format';

/** Keeps what would go to Kafka (the specs under test/ use the real broker). */
class RecordingProducer {
  readonly records: ProducerRecord[] = [];
  send(records: ProducerRecord[]): Promise<void> {
    this.records.push(...records);
    return Promise.resolve();
  }
  eventLearners(): string[] {
    return this.records
      .filter((record) => record.topic === TOPICS.learningEvents)
      .flatMap((record) => record.messages)
      .map((message) => learningEventCodec.decode(message.value as Buffer).learnerId);
  }
}

const KEY = 'import-run-spec-pseudonym-key-of-32-chars';
/** The learner id the import writes for the fixture's account name: its pseudonym. */
const learner = (name: string): string =>
  learnerPseudonym(KEY, 'acme', `account:https://lms.example.edu|${name}`);

const quiet: ImportProgressReporter = { update: () => undefined, stop: () => undefined };

async function options(dir: string, producer: RecordingProducer): Promise<ImportRunOptions> {
  return {
    format: xapiFormat,
    inputs: [dir],
    tenant: 'acme',
    config: { LEARNER_PSEUDONYM_KEY: KEY, EDX_LMS_ROOT_URLS: [] },
    formatOptions: {},
    manifest: await ImportManifestStore.open(path.join(dir, 'manifest.json')),
    report: new RejectionReportWriter(path.join(dir, 'report.ndjson')),
    producer,
    pgp: { armoredKey: undefined, passphrase: undefined },
    progress: quiet,
    settings: { batchSize: 2, checkpointEveryMs: 0 },
  };
}

const lines = (prefix: string, count: number): string =>
  Array.from({ length: count }, (_, i) => statementLine(`${prefix}${i}`, i)).join('\n') + '\n';

describe('runImport', () => {
  it('marks an unreadable file failed and goes on with the next one', async () => {
    const dir = tempDir('import-run-failed');
    await writeFile(path.join(dir, 'a.ndjson.gz'), gzipSync(lines('a', 5)).subarray(0, 30));
    await writeFile(path.join(dir, 'b.ndjson'), lines('b', 3));
    const producer = new RecordingProducer();
    const outcome = await runImport(await options(dir, producer));
    assert.deepEqual(
      outcome.files.map((file) => [path.basename(file.file), file.status]),
      [
        ['a.ndjson.gz', 'failed'],
        ['b.ndjson', 'imported'],
      ],
    );
    assert.deepEqual(producer.eventLearners(), ['b0', 'b1', 'b2'].map(learner));
    assert.equal(exitCodeOf(outcome), 1);
  });

  it('resumes a file after the line the manifest has as committed', async () => {
    const dir = tempDir('import-run-resume');
    const file = path.join(dir, 'c.ndjson');
    await writeFile(file, lines('c', 6));
    const producer = new RecordingProducer();
    const run = await options(dir, producer);
    const sha256 = await fileSha256(file);
    await run.manifest.update(
      manifestKey(sha256, 'acme', 'xapi'),
      { sha256, tenant: 'acme', format: 'xapi', path: file },
      { committedLine: 4, imported: 4, rejected: 0 },
      'in-progress',
    );
    const outcome = await runImport(run);
    assert.deepEqual(producer.eventLearners(), ['c4', 'c5'].map(learner));
    assert.equal(outcome.files[0]?.resumedAfterLine, 4);
    const entry = run.manifest.get(manifestKey(sha256, 'acme', 'xapi'));
    assert.ok(entry !== undefined);
    assert.equal(entry.status, 'done');
    assert.equal(entry.imported, 6);
  });

  it('imports the same records in the same order with mapping workers as without', async () => {
    const dir = tempDir('import-run-workers');
    // Several pool chunks, bad lines among them, in a gzip'd file and a JSON array.
    const text = lines('w', 700).split('\n');
    text.splice(300, 0, ...BAD_LINES);
    await writeFile(path.join(dir, 'w.ndjson.gz'), gzipSync(text.join('\n')));
    await writeFile(
      path.join(dir, 'x.json'),
      `[${[statementLine('x0', 0), 'nope', statementLine('x1', 1)].join(',\n')}]`,
    );
    const importWith = async (mappingWorkers: number) => {
      const producer = new RecordingProducer();
      // Each run's manifest and report outside the inputs, so the other run does not see them.
      const own = tempDir(`import-run-workers-${String(mappingWorkers)}`);
      const run = {
        ...(await options(own, producer)),
        inputs: [dir],
      };
      const outcome = await runImport({
        ...run,
        settings: { batchSize: 50, checkpointEveryMs: 0, mappingWorkers },
      });
      const keys = producer.records.flatMap((record) =>
        record.messages.map((message) => `${record.topic} ${message.key}`),
      );
      const rejected = outcome.files.map((file) => [
        path.basename(file.file),
        file.imported,
        file.rejected,
      ]);
      return { keys, rejected, learners: producer.eventLearners() };
    };
    const inWorkers = await importWith(2);
    const onMainThread = await importWith(0);
    assert.equal(inWorkers.learners.length, 702);
    assert.deepEqual(inWorkers, onMainThread);
    assert.deepEqual(inWorkers.rejected, [
      ['w.ndjson.gz', 700, 2],
      ['x.json', 2, 1],
    ]);
  });

  it('skips its own manifest and report inside an input folder', async () => {
    const dir = tempDir('import-run-own');
    await writeFile(path.join(dir, 'd.ndjson'), `${lines('d', 1)}not json\n`);
    const first = await runImport(await options(dir, new RecordingProducer()));
    assert.equal(first.reportFile, path.join(dir, 'report.ndjson'));
    const producer = new RecordingProducer();
    const second = await runImport(await options(dir, producer));
    assert.deepEqual(
      second.files.map((file) => [path.basename(file.file), file.status]),
      [['d.ndjson', 'already-imported']],
    );
    assert.equal(producer.records.length, 0);
  });
});
