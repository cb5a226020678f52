/**
 * Read-after-write: how long after its POST was answered a statement is readable by id
 * (`GET /xapi/statements?statementId=`), p50/p90/p99/max over 300 probes (goal p99 < 1 s),
 * while a background load of 500 statements/s (batches of 50) keeps the write path busy.
 *
 * `learnpulse serve warehouse-writer xapi-gateway` (one process: embedded ClickHouse) on the
 * benchmark's own broker; each probe POSTs one statement, then polls every 10 ms.
 */
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
import { keepAliveAgent, Outcomes, post } from './http-load';
import { benchCredentials, demoStatements, postHeaders, StatementBodies } from './xapi-load';

const PROBES = 300;
const POLL_EVERY_MS = 10;
const GIVE_UP_MS = 30_000;
const BACKGROUND_PER_SECOND = 500;
const BACKGROUND_BATCH = 50;
const GOAL_P99_MS = 1000;

runBenchmark(async (cleanup) => {
  print(loadLine());
  print('starting a Kafka broker for the benchmark (temp LEARNPULSE_HOME, free ports)');
  const kafka = await startBenchKafka(cleanup);
  const credentials = benchCredentials();
  const ports = await servicePorts();
  const env = serviceEnv(kafka, credentials, {
    XAPI_GATEWAY_PORT: String(ports.gateway),
    WAREHOUSE_WRITER_PORT: String(ports.writer),
    CHDB_PATH: cleanup.tempDir('bench-chdb'),
  });
  const origin = `http://127.0.0.1:${ports.gateway}`;
  await serveApps(cleanup, ['warehouse-writer', 'xapi-gateway'], env, `${origin}/health/ready`);
  const headers = postHeaders(credentials);
  const bodies = new StatementBodies(demoStatements(100));
  const url = new URL('/xapi/statements', origin);

  // Background traffic, as an LMS would send it, for the whole run.
  const backgroundAgent = keepAliveAgent(8);
  const background = new Outcomes();
  const state = { running: true };
  const backgroundLoop = (async () => {
    const interval = (1000 * BACKGROUND_BATCH) / BACKGROUND_PER_SECOND;
    while (state.running) {
      const started = performance.now();
      background.add(await post(backgroundAgent, url, headers, bodies.batch(BACKGROUND_BATCH)));
      await sleep(Math.max(0, interval - (performance.now() - started)));
    }
  })();
  cleanup.add('stop the background load', async () => {
    state.running = false;
    await backgroundLoop;
  });
  await sleep(3_000);

  const probeAgent = keepAliveAgent(2);
  const getHeaders = { ...headers };
  delete getHeaders['Content-Type'];
  const delays: number[] = [];
  let missing = 0;
  for (let i = 0; i < PROBES; i += 1) {
    const body = bodies.single();
    const id = (JSON.parse(body) as { id: string }).id;
    const answer = await post(probeAgent, url, headers, body);
    if (answer.status !== 200) throw new Error(`POST answered ${answer.status}: ${answer.detail}`);
    const answeredAt = performance.now();
    for (;;) {
      const response = await fetch(`${origin}/xapi/statements?statementId=${id}`, {
        headers: getHeaders,
      });
      await response.arrayBuffer();
      const elapsed = performance.now() - answeredAt;
      if (response.status === 200) {
        delays.push(elapsed);
        break;
      }
      if (response.status !== 404) throw new Error(`GET answered ${response.status}`);
      if (elapsed > GIVE_UP_MS) {
        missing += 1;
        break;
      }
      await sleep(POLL_EVERY_MS);
    }
  }
  state.running = false;
  await backgroundLoop;

  delays.sort((a, b) => a - b);
  print(loadLine());
  print(
    `readable by id after the POST answer (${delays.length} probes, polled every ${POLL_EVERY_MS} ms, ` +
      `background ${BACKGROUND_PER_SECOND} statements/s: ${background.ok} batches answered 200, ${background.errorCount} errors):`,
  );
  print(
    `  p50 ${ms(quantile(delays, 0.5))}, p90 ${ms(quantile(delays, 0.9))}, ` +
      `p99 ${ms(quantile(delays, 0.99))}, max ${ms(delays.at(-1) ?? Number.NaN)}, not readable within ${GIVE_UP_MS / 1000} s: ${missing}`,
  );
  const met = missing === 0 && quantile(delays, 0.99) < GOAL_P99_MS;
  print(`  goal p99 < ${GOAL_P99_MS} ms: ${met ? 'met' : 'NOT met'}`);
});
