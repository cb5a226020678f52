/**
 * Risk engine: state memory per 100,000 active learners, then event-to-assessment latency on
 * learner.risk.v1 at a sustained 2,000 events/s (goal p99 < 1 s).
 *
 * `learnpulse serve risk-engine` runs as a child (with `--inspect` on a free port, so its heap
 * is read after a full GC) on the benchmark's own broker. Event times follow the engine's
 * event-time clock: the population's history is one pass per UTC day (3 days ago .. earlier
 * today, so every course ticks once a day), the live stream is stamped with the wall clock
 * (the courses are already on today: a run that does not cross 00:00 UTC has no tick in it,
 * only per-event work).
 *
 * Memory: heap used (after a GC) and resident memory of the engine before and after loading
 * `--learners` (100,000) distinct learners over `--courses` (300) courses, four events each;
 * the size of their latest snapshots on risk-engine.state.v1.
 *
 * Latency: open loop, events scheduled at `--rate` (2,000)/s for `--seconds` (60) over that
 * population (a mix of actions); every 20th is a probe, the enrolment of a learner the engine
 * has never seen, whose first assessment is always published. A consumer of learner.risk.v1
 * times each probe's assessment from the probe's scheduled send time (so a stall anywhere,
 * load generator included, counts).
 */
import { riskAssessmentCodec } from '@learnpulse/events';
import { type ProducerMessage, ReliableProducer, TOPICS } from '@learnpulse/kafka';
import { createLogger } from '@learnpulse/observability';
import { loadConfig } from '@learnpulse/config';
import { endOffsets, freePort, readBetween } from '@learnpulse/testing';
import { type Admin, type Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { startBenchKafka } from './bench-kafka';
import { loadLine, ms, print, quantile, runBenchmark, serveApps, sleep } from './bench-support';
import { serviceEnv } from './gateway-under-test';
import { heapAfterGc, type HeapAfterGc } from './inspector-heap';
import { cpuSeconds, residentMiB } from './process-memory';
import {
  BENCH_TENANT,
  courseOf,
  encodeEvent,
  historyPasses,
  keyOf,
  learningEvent,
  liveSpec,
} from './risk-load';
import { benchCredentials } from './xapi-load';

const GOAL_P99_MS = 1000;
const PROBE_EVERY = 20;
const PROBE_PREFIX = 'probe-';
const LOAD_CHUNK = 1_000;
const LOAD_IN_FLIGHT = 8;
const CATCH_UP_TIMEOUT_MS = 900_000;
const PROBE_WAIT_MS = 120_000;
const GROUP = 'risk-engine';

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

const LEARNERS = option('learners', 100_000);
const COURSES = option('courses', 300);
const RATE = option('rate', 2_000);
const SECONDS = option('seconds', 60);

interface Lag {
  committed: bigint;
  end: bigint;
}

async function groupLag(admin: Admin, topic: string): Promise<Lag> {
  const [ends, groups] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId: GROUP, topics: [topic] }),
  ]);
  const committedByPartition = new Map(
    (groups[0]?.partitions ?? []).map((p) => [p.partition, BigInt(Math.max(0, Number(p.offset)))]),
  );
  let committed = 0n;
  let end = 0n;
  for (const { partition, high } of ends) {
    end += BigInt(high);
    committed += committedByPartition.get(partition) ?? 0n;
  }
  return { committed, end };
}

async function waitForCatchUp(admin: Admin, topic: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const lag = await groupLag(admin, topic);
    if (lag.committed >= lag.end) return performance.now() - started;
    if (performance.now() - started > CATCH_UP_TIMEOUT_MS) {
      throw new Error(`the engine is still ${lag.end - lag.committed} records behind`);
    }
    await sleep(250);
  }
}

/** Sums of the engine's Prometheus samples by metric name (labels summed over). */
async function metricSums(origin: string, token: string): Promise<Map<string, number>> {
  const response = await fetch(`${origin}/metrics`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const sums = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    if (match[1].endsWith('_bucket')) continue;
    sums.set(match[1], (sums.get(match[1]) ?? 0) + Number(match[2]));
  }
  return sums;
}

const mib = (value: number): string => `${value.toFixed(1)} MiB`;

async function loadPopulation(
  producer: ReliableProducer,
  admin: Admin,
): Promise<{ events: number; seconds: number }> {
  const passes = historyPasses(LEARNERS, COURSES, Date.now());
  const started = performance.now();
  let events = 0;
  for (const pass of passes) {
    const inFlight = new Set<Promise<void>>();
    for (let from = 0; from < LEARNERS; from += LOAD_CHUNK) {
      const messages: ProducerMessage[] = [];
      for (let i = from; i < Math.min(LEARNERS, from + LOAD_CHUNK); i += 1) {
        messages.push(encodeEvent(learningEvent(pass.spec(i))));
      }
      events += messages.length;
      const sent = producer.send([{ topic: TOPICS.learningEvents, messages }]);
      inFlight.add(sent);
      const forget = (): void => {
        inFlight.delete(sent);
      };
      sent.then(forget, forget);
      if (inFlight.size >= LOAD_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    print(`  produced pass "${pass.label}" (${LEARNERS} events)`);
  }
  await waitForCatchUp(admin, TOPICS.learningEvents);
  return { events, seconds: (performance.now() - started) / 1000 };
}

interface SnapshotSample {
  records: number;
  meanBytes: number;
  maxBytes: number;
}

/** The latest snapshot records of each partition of risk-engine.state.v1 (key + value bytes). */
async function sampleSnapshots(kafka: Kafka, perPartition: number): Promise<SnapshotSample> {
  const to = await endOffsets(kafka, TOPICS.riskEngineState);
  const from = new Map(
    [...to].map(([p, end]) => [p, end > BigInt(perPartition) ? end - BigInt(perPartition) : 0n]),
  );
  const records = await readBetween(kafka, TOPICS.riskEngineState, from, to);
  const sizes = records.map((r) => Buffer.byteLength(r.key) + r.value.length);
  return {
    records: sizes.length,
    meanBytes: sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length),
    maxBytes: Math.max(0, ...sizes),
  };
}

interface ProbeWatch {
  arrivals: Map<string, number>;
  stop: () => Promise<void>;
}

/** A consumer of learner.risk.v1 (from its end) noting when each probe learner's assessment arrives. */
async function watchProbes(kafka: Kafka): Promise<ProbeWatch> {
  const arrivals = new Map<string, number>();
  const consumer = kafka.consumer({
    groupId: `bench-risk-probes-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 50,
  });
  const prefix = keyOf(PROBE_PREFIX);
  const joined = new Promise<void>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      resolve();
    });
  });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.learnerRisk, fromBeginning: false });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) {
        if (message.key?.toString().startsWith(prefix) !== true || message.value === null) {
          continue;
        }
        const assessment = riskAssessmentCodec.decode(message.value);
        if (assessment.tenant !== BENCH_TENANT) continue;
        if (!arrivals.has(assessment.learnerId)) arrivals.set(assessment.learnerId, now);
      }
      await Promise.resolve();
    },
  });
  await joined;
  // The group's start offset is resolved at its first fetch: let it happen before any probe.
  await sleep(2_000);
  return { arrivals, stop: () => consumer.disconnect() };
}

interface OpenLoopResult {
  sent: number;
  acked: number;
  errors: number;
  seconds: number;
  /** Probe learner id → scheduled send time (performance.now()). */
  probes: Map<string, number>;
  lastAckedAt: number;
}

/** Events scheduled at RATE/s for SECONDS; each tick sends every event due by then, unawaited. */
async function openLoop(producer: ReliableProducer): Promise<OpenLoopResult> {
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const probes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const startedPerf = performance.now();
  const startedEpoch = Date.now();
  let sent = 0;
  let acked = 0;
  let errors = 0;
  let lastAckedAt = startedPerf;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      const messages: ProducerMessage[] = [];
      while (sent < total && startedPerf + sent * interval <= now) {
        const scheduled = startedPerf + sent * interval;
        const occurredAt = startedEpoch + Math.floor(sent * interval);
        if (sent % PROBE_EVERY === 0) {
          const n = sent / PROBE_EVERY;
          const learnerId = `${PROBE_PREFIX}${n}`;
          probes.set(learnerId, scheduled);
          messages.push(
            encodeEvent(
              learningEvent({
                learnerId,
                courseId: courseOf(n, COURSES),
                action: 'enrolled',
                occurredAt,
                seq: n,
              }),
            ),
          );
        } else {
          messages.push(
            encodeEvent(
              learningEvent(
                liveSpec(LEARNERS, COURSES, occurredAt, sent, Math.random(), Math.random()),
              ),
            ),
          );
        }
        sent += 1;
      }
      if (messages.length > 0) {
        const count = messages.length;
        pending.push(
          producer.send([{ topic: TOPICS.learningEvents, messages }]).then(
            () => {
              acked += count;
              lastAckedAt = performance.now();
            },
            () => {
              errors += count;
            },
          ),
        );
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  return {
    sent,
    acked,
    errors,
    seconds: (lastAckedAt - startedPerf) / 1000,
    probes,
    lastAckedAt,
  };
}

function heapLine(label: string, heap: HeapAfterGc, rss: number): string {
  return `  ${label}: heap used after GC ${mib(heap.heapUsedMiB)} (heap total ${mib(heap.heapTotalMiB)}), resident ${mib(rss)}`;
}

runBenchmark(async (cleanup) => {
  print(loadLine());
  print('starting a Kafka broker for the benchmark (temp LEARNPULSE_HOME, free ports)');
  const kafka = await startBenchKafka(cleanup);
  const [port, inspectPort] = await Promise.all([freePort(), freePort()]);
  const token = randomBytes(16).toString('hex');
  const env = serviceEnv(kafka, benchCredentials(), { RISK_ENGINE_PORT: String(port) });
  env.METRICS_TOKEN = token;
  const origin = `http://127.0.0.1:${port}`;
  const engine = await serveApps(cleanup, ['risk-engine'], env, `${origin}/health/ready`, [
    `--inspect=127.0.0.1:${inspectPort}`,
  ]);
  print(
    `engine: serve risk-engine (pid ${engine.pid}) on ${origin}, ` +
      `${kafka.config.KAFKA_TOPIC_PARTITIONS} partitions of ${TOPICS.learningEvents}`,
  );
  const logger = createLogger(loadConfig({ LOG_LEVEL: 'warn' }), 'bench');
  const producer = await ReliableProducer.connect(kafka.kafka, logger);
  cleanup.add('close the producer', () => producer.close());
  const admin = kafka.kafka.admin();
  await admin.connect();
  cleanup.add('disconnect the admin', () => admin.disconnect());

  // ---- state memory ----
  await sleep(5_000);
  const heapBefore = await heapAfterGc(inspectPort);
  const rssBefore = residentMiB(engine.pid);
  print('');
  print(
    `state memory: ${LEARNERS.toLocaleString('en')} learners in ${COURSES} courses, 4 events each`,
  );
  print(heapLine('before', heapBefore, rssBefore));
  const load = await loadPopulation(producer, admin);
  const heapAfter = await heapAfterGc(inspectPort);
  const rssAfter = residentMiB(engine.pid);
  const metrics = await metricSums(origin, token);
  const inMemory = metrics.get('learnpulse_risk_learners') ?? Number.NaN;
  print(heapLine('after ', heapAfter, rssAfter));
  print(
    `  loaded ${load.events.toLocaleString('en')} events in ${load.seconds.toFixed(1)} s ` +
      `(${(load.events / load.seconds).toFixed(0)} events/s from the first send to the engine's last commit); ` +
      `learners in memory (learnpulse_risk_learners): ${inMemory}`,
  );
  const per100k = 100_000 / LEARNERS;
  const heapPer100k = (heapAfter.heapUsedMiB - heapBefore.heapUsedMiB) * per100k;
  const rssPer100k = (rssAfter - rssBefore) * per100k;
  print(
    `  per 100,000 active learners: heap ${mib(heapPer100k)} (${((heapPer100k * 1024 * 1024) / 100_000 / 1024).toFixed(2)} KiB each), resident ${mib(rssPer100k)}`,
  );
  const snapshots = await sampleSnapshots(kafka.kafka, 500);
  print(
    `  snapshot records on ${TOPICS.riskEngineState} (latest ${snapshots.records}): ` +
      `mean ${snapshots.meanBytes.toFixed(0)} B, max ${snapshots.maxBytes} B per learner (key + JSON value)`,
  );

  // ---- latency ----
  const watch = await watchProbes(kafka.kafka);
  cleanup.add('stop the probe consumer', () => watch.stop());
  const before = await metricSums(origin, token);
  const engineCpuBefore = cpuSeconds(engine.pid);
  const selfCpuBefore = process.cpuUsage();
  print('');
  print(loadLine());
  print(
    `latency: open loop at ${RATE}/s for ${SECONDS} s over the ${LEARNERS.toLocaleString('en')} learners, ` +
      `every ${PROBE_EVERY}th event a probe (a new learner's enrolment)`,
  );
  const run = await openLoop(producer);
  const lagAtEnd = await groupLag(admin, TOPICS.learningEvents);
  const engineCpu = cpuSeconds(engine.pid) - engineCpuBefore;
  const selfCpu = process.cpuUsage(selfCpuBefore);
  const drainMs = await waitForCatchUp(admin, TOPICS.learningEvents);
  const waitUntil = performance.now() + PROBE_WAIT_MS;
  while (watch.arrivals.size < run.probes.size && performance.now() < waitUntil) await sleep(100);
  const after = await metricSums(origin, token);
  print(loadLine());

  const latencies: number[] = [];
  for (const [learnerId, scheduled] of run.probes) {
    const arrived = watch.arrivals.get(learnerId);
    if (arrived !== undefined) latencies.push(arrived - scheduled);
  }
  latencies.sort((a, b) => a - b);
  const missing = run.probes.size - latencies.length;
  const p99 = quantile(latencies, 0.99);
  const delta = (name: string): number => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  const batches = delta('learnpulse_risk_batch_seconds_count');
  const batchSeconds = delta('learnpulse_risk_batch_seconds_sum');
  const events = delta('learnpulse_risk_events_total');
  print(
    `  probe assessments on ${TOPICS.learnerRisk}, from the scheduled send: p50 ${ms(quantile(latencies, 0.5))}, ` +
      `p90 ${ms(quantile(latencies, 0.9))}, p99 ${ms(p99)}, max ${ms(latencies.at(-1) ?? Number.NaN)} ` +
      `(${latencies.length} probes, ${missing} without an assessment within ${PROBE_WAIT_MS / 1000} s)`,
  );
  print(
    `  sent ${run.sent}, acknowledged ${run.acked}, errors ${run.errors}; achieved ` +
      `${(run.acked / run.seconds).toFixed(0)} events/s over ${run.seconds.toFixed(1)} s`,
  );
  print(
    `  engine's committed offset when the last send was acknowledged: ${lagAtEnd.end - lagAtEnd.committed} records behind ` +
      `(caught up ${(drainMs / 1000).toFixed(1)} s later)`,
  );
  print(
    `  engine: ${events} events in ${batches} batches (${(events / Math.max(1, batches)).toFixed(0)} per batch, ` +
      `${((1000 * batchSeconds) / Math.max(1, batches)).toFixed(1)} ms per batch: scoring, snapshots and outputs acknowledged, commit; ` +
      `batch time summed over the partitions, consumed concurrently: ${((100 * batchSeconds) / run.seconds).toFixed(0)}% of the window), ` +
      `${delta('learnpulse_risk_assessments_total')} assessments published`,
  );
  print(
    `  CPU over the window: engine ${((100 * engineCpu) / run.seconds).toFixed(0)}% of a core, ` +
      `load generator ${((100 * (selfCpu.user + selfCpu.system)) / 1e6 / run.seconds).toFixed(0)}% (broker: the rest of 2 cores)`,
  );

  print('');
  print('summary:');
  const latencyMet = missing === 0 && p99 < GOAL_P99_MS;
  print(
    `  event to risk update on ${TOPICS.learnerRisk}, p99 at ${(run.acked / run.seconds).toFixed(0)} events/s: ` +
      `${ms(p99)} (goal < ${GOAL_P99_MS} ms): ${latencyMet ? 'met' : 'NOT met'}`,
  );
  print(
    `  state memory per 100,000 active learners: heap ${mib(heapPer100k)} after GC, resident ${mib(rssPer100k)}; ` +
      `snapshot ${snapshots.meanBytes.toFixed(0)} B per learner (no goal set)`,
  );
});
