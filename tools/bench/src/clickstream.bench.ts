/**
 * Live Open edX ingest: events per second through `POST /edx/events` of clickstream-gateway,
 * NDJSON batches of 100 synthetic tracking-log events (tracking-log.ts: video, problem checks,
 * page views, enrolments) over 4 keep-alive connections for 15 s, each answered only after
 * Kafka acknowledged its LearningEvents and derived xAPI statements. Broker, gateway and load
 * generator share this machine's cores.
 */
import { randomUUID } from 'node:crypto';
import { startBenchKafka } from './bench-kafka';
import { loadLine, print, runBenchmark, serveApps, servicePorts } from './bench-support';
import { serviceEnv } from './gateway-under-test';
import { keepAliveAgent, Outcomes, post } from './http-load';
import { residentMiB } from './process-memory';
import { trackingEvent } from './tracking-log';
import { benchCredentials } from './xapi-load';

const BATCH = 100;
const CONNECTIONS = 4;
const WARM_UP_MS = 5_000;
const MEASURE_MS = 15_000;

runBenchmark(async (cleanup) => {
  print(loadLine());
  const kafka = await startBenchKafka(cleanup);
  const credentials = benchCredentials();
  const { gateway: port } = await servicePorts();
  const env = serviceEnv(kafka, credentials, {
    CLICKSTREAM_GATEWAY_PORT: String(port),
    LEARNER_PSEUDONYM_KEY: randomUUID() + randomUUID(),
  });
  const origin = `http://127.0.0.1:${port}`;
  const served = await serveApps(cleanup, ['clickstream-gateway'], env, `${origin}/health/ready`);
  const url = new URL('/edx/events', origin);
  const headers = {
    Authorization: `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`,
    'Content-Type': 'application/x-ndjson',
  };
  const agent = keepAliveAgent(CONNECTIONS);
  let next = 0;
  const body = (): string => {
    const lines: string[] = [];
    for (let i = 0; i < BATCH; i++) lines.push(JSON.stringify(trackingEvent(next++)));
    return lines.join('\n');
  };
  const load = async (
    ms: number,
  ): Promise<{ events: number; seconds: number; outcomes: Outcomes }> => {
    const outcomes = new Outcomes();
    const until = performance.now() + ms;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) outcomes.add(await post(agent, url, headers, body()));
      }),
    );
    return { events: outcomes.ok * BATCH, seconds: (performance.now() - started) / 1000, outcomes };
  };
  await load(WARM_UP_MS);
  print(loadLine());
  const measured = await load(MEASURE_MS);
  print(
    `POST /edx/events, NDJSON batches of ${BATCH}, ${CONNECTIONS} connections, ${MEASURE_MS / 1000} s:`,
  );
  print(
    `  ${Math.round(measured.events / measured.seconds).toLocaleString('en')} events/s ` +
      `(${measured.outcomes.ok} requests answered 200, ${measured.outcomes.errorCount} errors)`,
  );
  for (const line of measured.outcomes.describeErrors()) print(line);
  print(`  gateway RSS after the run: ${residentMiB(served.pid).toFixed(0)} MiB`);
  print(loadLine());
});
