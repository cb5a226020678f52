/**
 * GET /xapi/statements with each filter on a store of 1,000,000 statements: p50/p95/max per
 * filter (goal p95 < 50 ms).
 *
 * The store is filled the way production fills it, so the rows carry the warehouse-writer's
 * own row mapping: 1,000,000 stored-statement records (demo statements, stored a second after
 * their timestamp over a 28-day term) are produced onto xapi.statements.v1 of the benchmark's
 * own broker, then `learnpulse serve warehouse-writer xapi-gateway` (one process: embedded
 * ClickHouse) sinks them into a temp ClickHouse folder, and, once that process is quiet (the
 * engine done merging the bulk load, at most 5 min), the gateway answers the queries.
 */
import { loadConfig } from '@learnpulse/config';
import { type DemoStatement } from '@learnpulse/demo';
import { encodeStoredStatement } from '@learnpulse/events';
import { ReliableProducer, TOPICS } from '@learnpulse/kafka';
import { createLogger } from '@learnpulse/observability';
import { normaliseStatement, type XapiAgent, type XapiStatement } from '@learnpulse/xapi';
import { startBenchKafka } from './bench-kafka';
import {
  loadLine,
  ms,
  print,
  quantile,
  runBenchmark,
  serveApps,
  servicePorts,
  sleep,
} from './bench-support';
import { serviceEnv } from './gateway-under-test';
import { AT_REST, waitUntilQuiet } from './process-memory';
import { benchCredentials, demoStatements, XAPI_VERSION_HEADER } from './xapi-load';

/** `--statements=N` for a smaller store (e.g. a quick check of the script). */
const STORE_SIZE = Number(
  /^--statements=(\d+)$/.exec(
    process.argv.find((arg) => arg.startsWith('--statements=')) ?? '',
  )?.[1] ?? 1_000_000,
);
const LEARNERS_PER_CHUNK = 100;
const SEND_BATCH = 400;
const SENDS_IN_FLIGHT = 8;
const SINK_TIMEOUT_MS = 30 * 60_000;
const WARM_UP_REQUESTS = 5;
const MEASURED_REQUESTS = 50;
const GOAL_P95_MS = 50;
const WRITER_GROUP = 'bench-warehouse-writer';
const SETTLE_MAX_WAIT_MS = 5 * 60_000;

interface Sample {
  statement: DemoStatement;
  stored: string;
}

runBenchmark(async (cleanup) => {
  print(loadLine());
  print('starting a Kafka broker for the benchmark (temp LEARNPULSE_HOME, free ports)');
  const kafka = await startBenchKafka(cleanup);
  const credentials = benchCredentials();

  // 1. The records, produced in chunks of one demo cohort each (a seed per chunk).
  const authority: XapiAgent = {
    objectType: 'Agent',
    account: { homePage: `urn:learnpulse:tenant:${credentials.tenant}`, name: credentials.key },
  };
  const logger = createLogger(loadConfig({ LOG_LEVEL: 'warn' }), 'bench');
  const producer = await ReliableProducer.connect(kafka.kafka, logger);
  cleanup.add('close the producer', () => producer.close());
  const produceStarted = performance.now();
  let produced = 0;
  let sample: Sample | undefined;
  let oldestStored = Number.POSITIVE_INFINITY;
  let newestStored = 0;
  for (let chunk = 0; produced < STORE_SIZE; chunk += 1) {
    const statements = demoStatements(LEARNERS_PER_CHUNK, `bench-store-${chunk}`).slice(
      0,
      STORE_SIZE - produced,
    );
    const messages = statements.map((statement) => {
      const storedMs = Date.parse(statement.timestamp) + 1000;
      oldestStored = Math.min(oldestStored, storedMs);
      newestStored = Math.max(newestStored, storedMs);
      const normalised = normaliseStatement(statement as unknown as XapiStatement, {
        authority,
        stored: new Date(storedMs),
      });
      const statementId = normalised.id.toLowerCase();
      return {
        key: `${credentials.tenant}:${statementId}`,
        value: encodeStoredStatement({
          tenant: credentials.tenant,
          statementId,
          stored: normalised.stored,
          authority: { ...normalised.authority },
          version: normalised.version,
          statement: { ...normalised, id: statementId },
        }),
      };
    });
    if (chunk === 3) {
      const picked = statements[Math.floor(statements.length / 2)];
      if (picked !== undefined) {
        sample = {
          statement: picked,
          stored: new Date(Date.parse(picked.timestamp) + 1000).toISOString(),
        };
      }
    }
    const batches: (typeof messages)[] = [];
    for (let i = 0; i < messages.length; i += SEND_BATCH)
      batches.push(messages.slice(i, i + SEND_BATCH));
    for (let i = 0; i < batches.length; i += SENDS_IN_FLIGHT) {
      await Promise.all(
        batches
          .slice(i, i + SENDS_IN_FLIGHT)
          .map((batch) => producer.send([{ topic: TOPICS.xapiStatements, messages: batch }])),
      );
    }
    produced += messages.length;
    if (chunk % 10 === 0) print(`  produced ${produced} stored-statement records`);
  }
  await producer.close();
  const produceSeconds = (performance.now() - produceStarted) / 1000;
  print(
    `produced ${produced} records onto ${TOPICS.xapiStatements} in ${produceSeconds.toFixed(0)} s ` +
      `(stored ${new Date(oldestStored).toISOString()} .. ${new Date(newestStored).toISOString()})`,
  );
  if (sample === undefined) throw new Error('the store is too small to pick a sample statement');

  // 2. warehouse-writer + gateway in one process, until the writer has sunk every record.
  const ports = await servicePorts();
  const env = serviceEnv(kafka, credentials, {
    XAPI_GATEWAY_PORT: String(ports.gateway),
    WAREHOUSE_WRITER_PORT: String(ports.writer),
    CHDB_PATH: cleanup.tempDir('bench-chdb'),
    WAREHOUSE_CONSUMER_GROUP: WRITER_GROUP,
  });
  const origin = `http://127.0.0.1:${ports.gateway}`;
  const sinkStarted = performance.now();
  const served = await serveApps(
    cleanup,
    ['warehouse-writer', 'xapi-gateway'],
    env,
    `${origin}/health/ready`,
  );
  const admin = kafka.kafka.admin();
  await admin.connect();
  cleanup.add('disconnect the admin client', () => admin.disconnect());
  const ends = await admin.fetchTopicOffsets(TOPICS.xapiStatements);
  const target = ends.reduce((sum, end) => sum + Number(end.high), 0);
  for (;;) {
    const [committed] = await admin.fetchOffsets({
      groupId: WRITER_GROUP,
      topics: [TOPICS.xapiStatements],
    });
    const done = (committed?.partitions ?? []).reduce(
      (sum, p) => sum + Math.max(0, Number(p.offset)),
      0,
    );
    const seconds = (performance.now() - sinkStarted) / 1000;
    if (done >= target) {
      print(
        `warehouse-writer sank ${target} statements in ${seconds.toFixed(0)} s (${(target / seconds).toFixed(0)}/s)`,
      );
      break;
    }
    if (seconds * 1000 > SINK_TIMEOUT_MS)
      throw new Error(`writer sank only ${done}/${target} in ${seconds} s`);
    print(`  writer: ${done}/${target} after ${seconds.toFixed(0)} s`);
    await sleep(10_000);
  }
  // The bulk load leaves the embedded engine merging parts for a while; the figures are for a
  // store at rest (the steady state of an LRS), so wait for the process to calm down first.
  const settled = await waitUntilQuiet(served.pid, {
    ...AT_REST,
    maxWaitMs: SETTLE_MAX_WAIT_MS,
  });
  print(
    settled.quiet
      ? `store settled: writer + gateway below ${AT_REST.maxCoreShare * 100} % of a core after ${(settled.waitedMs / 1000).toFixed(0)} s`
      : `store still busy after ${(settled.waitedMs / 1000).toFixed(0)} s (over ${AT_REST.maxCoreShare * 100} % of a core); measuring anyway`,
  );

  // 3. The queries.
  const basic = Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64');
  const headers = { ...XAPI_VERSION_HEADER, Authorization: `Basic ${basic}` };
  const get = async (
    pathAndQuery: string,
  ): Promise<{ status: number; statements: number; more: string }> => {
    const response = await fetch(new URL(pathAndQuery, origin), { headers });
    const text = await response.text();
    if (response.status !== 200)
      return { status: response.status, statements: 0, more: text.slice(0, 300) };
    const body = JSON.parse(text) as { statements?: unknown[]; more?: string };
    return {
      status: 200,
      statements: body.statements?.length ?? 1,
      more: body.more ?? '',
    };
  };
  const { statement } = sample;
  const agent = JSON.stringify({ objectType: 'Agent', account: statement.actor.account });
  const course = statement.context.contextActivities.grouping[0]?.id ?? statement.object.id;
  const storedMs = Date.parse(sample.stored);
  const q = (params: Record<string, string>): string =>
    `/xapi/statements?${new URLSearchParams(params).toString()}`;
  const firstPage = await get('/xapi/statements');
  if (firstPage.status !== 200 || firstPage.more === '') {
    throw new Error(`unfiltered GET gave no more link: ${firstPage.status} ${firstPage.more}`);
  }
  const filters: [string, string][] = [
    ['(none: newest page)', '/xapi/statements'],
    ['agent', q({ agent })],
    ['verb', q({ verb: statement.verb.id })],
    ['activity', q({ activity: statement.object.id })],
    ['registration', q({ registration: statement.context.registration })],
    ['activity + related_activities (course)', q({ activity: course, related_activities: 'true' })],
    ['agent + related_agents', q({ agent, related_agents: 'true' })],
    [
      'since (last 24 h of the term)',
      q({ since: new Date(newestStored - 86_400_000).toISOString() }),
    ],
    ['until (mid-term)', q({ until: sample.stored })],
    [
      'since + until (one hour)',
      q({ since: new Date(storedMs - 3_600_000).toISOString(), until: sample.stored }),
    ],
    [
      'agent + verb + since',
      q({ agent, verb: statement.verb.id, since: new Date(oldestStored).toISOString() }),
    ],
    ['statementId', q({ statementId: statement.id })],
    ['more (2nd page, no filter)', firstPage.more],
  ];
  print('');
  print(loadLine());
  print(
    `GET /xapi/statements on ${produced} statements (one tenant), ${MEASURED_REQUESTS} sequential requests per filter after ${WARM_UP_REQUESTS} warm-ups:`,
  );
  print('  filter                                   statements/page      p50      p95      max');
  let worst = 0;
  for (const [label, url] of filters) {
    for (let i = 0; i < WARM_UP_REQUESTS; i += 1) await get(url);
    const times: number[] = [];
    let last = { status: 0, statements: 0, more: '' };
    for (let i = 0; i < MEASURED_REQUESTS; i += 1) {
      const started = performance.now();
      last = await get(url);
      times.push(performance.now() - started);
      if (last.status !== 200) break;
    }
    if (last.status !== 200) {
      print(`  ${label.padEnd(40)} HTTP ${last.status}: ${last.more}`);
      continue;
    }
    times.sort((a, b) => a - b);
    worst = Math.max(worst, quantile(times, 0.95));
    print(
      `  ${label.padEnd(40)} ${String(last.statements).padStart(15)} ${ms(quantile(times, 0.5)).padStart(8)} ${ms(quantile(times, 0.95)).padStart(8)} ${ms(times.at(-1) ?? Number.NaN).padStart(8)}`,
    );
  }
  print(
    `worst p95 ${ms(worst)}; goal p95 < ${GOAL_P95_MS} ms for every filter: ${worst < GOAL_P95_MS ? 'met' : 'NOT met'}`,
  );
  print(`process (writer + gateway) pid ${served.pid}`);
});
