/**
 * Bulk import throughput: `learnpulse import edx` of a generated 1,000,000-line Open edX
 * tracking log (`-- --format=xapi` for an NDJSON file of xAPI statements instead;
 * `-- --lines=N` for another size) from disk to a Kafka broker of the benchmark's own,
 * timed from the command's start to its exit (checksum pass, Kafka connect and all), with
 * the CLI's peak resident memory sampled every 100 ms (overall and per half of the run, to show
 * it flat). With `--profile`, or below the goal unless `--no-profile`, a second import of the
 * same file under `--cpu-prof` shows where the time goes. Mapping and sending are also timed
 * apart (import-stages.ts) to show which half bounds the import. The baseline, before and
 * after the import on the same broker, is Kafka's own producer writing as many records of the
 * import's average size (import-baseline.ts): the most any import could do here.
 */
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startBenchKafka } from './bench-kafka';
import { cli, type Cleanup, loadLine, print, runBenchmark, sleep } from './bench-support';
import { printCpuProfile } from './cpu-profile';
import { importRecordSizes, producerBaseline } from './import-baseline';
import { measureImportStages } from './import-stages';
import { residentMiB } from './process-memory';
import { trackingEvent } from './tracking-log';

const GOAL_EVENTS_PER_SECOND = 50_000;
const DEFAULT_LINES = 1_000_000;
const SIZE_SAMPLE_LINES = 20_000;

function linesOption(): number {
  const option = process.argv.find((arg) => arg.startsWith('--lines='));
  const lines = option === undefined ? DEFAULT_LINES : Number(option.slice('--lines='.length));
  if (!Number.isInteger(lines) || lines < 1) throw new Error('--lines must be a positive integer');
  return lines;
}

type BenchFormat = 'edx' | 'xapi';

function formatOption(): BenchFormat {
  const option = process.argv.find((arg) => arg.startsWith('--format='));
  const format = option === undefined ? 'edx' : option.slice('--format='.length);
  if (format !== 'edx' && format !== 'xapi') throw new Error('--format must be edx or xapi');
  return format;
}

/** A tracking log of `lines` synthetic events (tracking-log.ts), one JSON object per line. */
async function writeTrackingLog(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < lines; i++) {
    if (!out.write(`${JSON.stringify(trackingEvent(i))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Statements like an LMS sends: 2,000 learners, 50 courses, a few verbs, some with a score. */
async function writeStatements(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file);
  const verbs = ['experienced', 'attempted', 'completed', 'passed', 'answered'];
  const start = Date.UTC(2025, 8, 1);
  for (let i = 0; i < lines; i++) {
    const course = `https://lms.example.edu/course/${i % 50}`;
    const statement = {
      id: randomUUID(),
      actor: {
        objectType: 'Agent',
        account: { homePage: 'https://lms.example.edu', name: `learner-${i % 2000}` },
      },
      verb: { id: `http://adlnet.gov/expapi/verbs/${verbs[i % verbs.length] ?? 'experienced'}` },
      object: {
        objectType: 'Activity',
        id: `${course}/activity/${i % 400}`,
        definition: { type: 'http://adlnet.gov/expapi/activities/lesson' },
      },
      ...(i % 5 === 3 ? { result: { score: { scaled: (i % 100) / 100 }, success: true } } : {}),
      context: {
        contextActivities: {
          grouping: [
            { id: course, definition: { type: 'http://adlnet.gov/expapi/activities/course' } },
          ],
        },
      },
      timestamp: new Date(start + i * 1000).toISOString(),
    };
    if (!out.write(`${JSON.stringify(statement)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface ImportRun {
  seconds: number;
  peakRssMiB: number;
  /** Peak resident memory in the first and the second half of the run: equal when flat. */
  halfPeaksMiB: [number, number];
  code: number | null;
  output: string;
}

async function runImport(
  format: BenchFormat,
  file: string,
  env: NodeJS.ProcessEnv,
  workDir: string,
  nodeArgs: string[] = [],
): Promise<ImportRun> {
  const tenant = `bench-${randomUUID().slice(0, 8)}`;
  const args = [
    ...nodeArgs,
    cli,
    'import',
    format,
    file,
    '--tenant',
    tenant,
    '--manifest',
    path.join(workDir, `${tenant}-manifest.json`),
    '--report',
    path.join(workDir, `${tenant}-report.ndjson`),
  ];
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const samples: { at: number; mib: number }[] = [];
  const sampler = setInterval(() => {
    try {
      samples.push({ at: Date.now(), mib: residentMiB(child.pid ?? 0) });
    } catch {
      // The process has just exited.
    }
  }, 100);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const middle = ((samples[0]?.at ?? 0) + (samples.at(-1)?.at ?? 0)) / 2;
  const peakOf = (half: typeof samples) => Math.max(0, ...half.map((sample) => sample.mib));
  return {
    seconds,
    peakRssMiB: peakOf(samples),
    halfPeaksMiB: [
      peakOf(samples.filter((sample) => sample.at <= middle)),
      peakOf(samples.filter((sample) => sample.at > middle)),
    ],
    code,
    output,
  };
}

async function profileImport(
  cleanup: Cleanup,
  format: BenchFormat,
  file: string,
  env: NodeJS.ProcessEnv,
  workDir: string,
): Promise<void> {
  print('');
  print('profiling a second import of the same file (--cpu-prof)');
  const profileDir = cleanup.tempDir('bench-import-prof');
  const run = await runImport(format, file, env, workDir, [
    '--cpu-prof',
    `--cpu-prof-dir=${profileDir}`,
  ]);
  print(`  under the profiler: ${run.seconds.toFixed(1)} s`);
  await sleep(500);
  printCpuProfile(profileDir, 'CLI CPU profile');
}

runBenchmark(async (cleanup) => {
  const lines = linesOption();
  const format = formatOption();
  const benchKafka = await startBenchKafka(cleanup);
  const { env: kafkaEnv, kafka } = benchKafka;
  const workDir = cleanup.tempDir('bench-import');
  const file = path.join(workDir, format === 'edx' ? 'tracking.log' : 'statements.ndjson');
  if (format === 'edx') {
    print(`generating a tracking log of ${lines.toLocaleString('en')} Open edX events`);
    await writeTrackingLog(file, lines);
  } else {
    print(`generating ${lines.toLocaleString('en')} xAPI statements`);
    await writeStatements(file, lines);
  }
  const megabytes = statSync(file).size / 1024 / 1024;
  print(`  ${file}: ${megabytes.toFixed(0)} MiB`);

  const env = {
    ...process.env,
    ...kafkaEnv,
    LOG_LEVEL: 'warn',
    LEARNER_PSEUDONYM_KEY: randomUUID() + randomUUID(),
  };
  // Baseline: Kafka's own producer, as many records of the import's average size, before and
  // after the import; the better run counts (one run alone moves a lot on this shared machine).
  const sizes = await importRecordSizes(format, file, SIZE_SAMPLE_LINES, env.LEARNER_PSEUDONYM_KEY);
  const baselineRecords = Math.round(lines * sizes.recordsPerLine);
  const recordSize = Math.round(sizes.averageBytes);
  print(
    `records per line ${sizes.recordsPerLine.toFixed(2)}, average ${recordSize} B (key + value; first ${SIZE_SAMPLE_LINES.toLocaleString('en')} lines)`,
  );
  const before = await producerBaseline(benchKafka, baselineRecords, recordSize);
  print(`ProducerPerformance before the import: ${before.summary}`);
  print(loadLine());
  const run = await runImport(format, file, env, workDir);
  if (run.code !== 0) throw new Error(`import exited ${String(run.code)}:\n${run.output}`);
  const perSecond = lines / run.seconds;
  const summary = run.output.split('\n').find((line) => line.startsWith('imported ')) ?? '';
  print('');
  print(`import ${format} of ${lines.toLocaleString('en')} lines (${megabytes.toFixed(0)} MiB)`);
  print(`  wall time (process start to exit): ${run.seconds.toFixed(1)} s`);
  print(
    `  events/s from disk to Kafka:       ${Math.round(perSecond).toLocaleString('en')} (goal ${GOAL_EVENTS_PER_SECOND.toLocaleString('en')})`,
  );
  print(
    `  CLI peak resident memory:          ${run.peakRssMiB.toFixed(0)} MiB (first half of the run ${run.halfPeaksMiB[0].toFixed(0)}, second half ${run.halfPeaksMiB[1].toFixed(0)})`,
  );
  print(`  CLI summary: ${summary}`);
  print(loadLine());
  const after = await producerBaseline(benchKafka, baselineRecords, recordSize);
  print(`ProducerPerformance after the import: ${after.summary}`);
  const ceiling = Math.max(before.recordsPerSecond, after.recordsPerSecond) / sizes.recordsPerLine;
  print(
    `  ceiling (Kafka's own producer, ${baselineRecords.toLocaleString('en')} records of ${recordSize} B, acks=all, idempotent, no reading or mapping): ` +
      `${Math.round(ceiling).toLocaleString('en')} lines/s; import / ceiling ${(perSecond / ceiling).toFixed(2)}`,
  );

  if (format === 'xapi') await printStages(kafka, file, lines);
  const profile =
    process.argv.includes('--profile') ||
    (perSecond < GOAL_EVENTS_PER_SECOND && !process.argv.includes('--no-profile'));
  if (profile) {
    await profileImport(cleanup, format, file, env, workDir);
  }
});

/** xAPI only: mapping and sending timed apart, in this process. */
async function printStages(
  kafka: Parameters<typeof measureImportStages>[0],
  file: string,
  lines: number,
): Promise<void> {
  const stageStatements = Math.min(lines, 200_000);
  const stages = await measureImportStages(kafka, file, stageStatements);
  print('');
  print(
    `the two halves apart, in the benchmark process, on the first ${stageStatements.toLocaleString('en')} lines:`,
  );
  print(
    `  map only (parse, validate, normalise, encode; no Kafka): ${Math.round(stages.mapPerSecond).toLocaleString('en')} statements/s`,
  );
  print(
    `  send only (encoded records via ReliableProducer): ${Math.round(stages.sendPerSecond).toLocaleString('en')} statements/s (${Math.round(2 * stages.sendPerSecond).toLocaleString('en')} records/s)`,
  );
  print(loadLine());
}
