/**
 * Single-statement POST latency, open loop: requests are scheduled at a fixed rate (1,000/s)
 * and each latency is measured from its scheduled time, so a stall of the gateway shows up in
 * the percentiles instead of slowing the sender down (coordinated omission). Then an exam-day
 * peak: 5,000 connections opened and held at once, each sending one single-statement POST at
 * about the same moment.
 *
 * Load generator (this process), gateway (child: `learnpulse serve xapi-gateway`) and the
 * benchmark's own Kafka broker share this machine's cores: the CPU each used in the open loop
 * is printed. With `--profile` the gateway runs under `--cpu-prof` and its CPU time is broken
 * down by component after the run.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { ReliableProducer, TOPICS } from '@learnpulse/kafka';
import pino from 'pino';
import { type BenchKafka, startBenchKafka } from './bench-kafka';
import { loadLine, ms, print, quantile, runBenchmark, sleep } from './bench-support';
import { printCpuProfile } from './cpu-profile';
import { startGateway } from './gateway-under-test';
import { keepAliveAgent, Outcomes, post } from './http-load';
import { cpuSeconds } from './process-memory';
import { benchCredentials, demoStatements, postHeaders, StatementBodies } from './xapi-load';

const RATE_PER_SECOND = 1_000;
const DURATION_MS = 15_000;
const WARM_UP_MS = 3_000;
/**
 * Then at the full rate before measuring: a freshly started broker JIT-compiles for its first
 * half minute or so (its CPU per request fell by half over that time here), and an exam-day
 * peak meets a broker and a gateway that have been running.
 */
const STEADY_WARM_UP_MS = 15_000;
const POOL_CONNECTIONS = 64;
const HELD_CONNECTIONS = 5_000;
const CONNECT_TIMEOUT_MS = 60_000;
const ANSWER_TIMEOUT_MS = 120_000;

interface OpenLoopResult {
  latencies: number[];
  outcomes: Outcomes;
  sent: number;
  seconds: number;
}

interface Schedule {
  /** Sorted, each from the send's scheduled moment to its answer. */
  latencies: number[];
  sent: number;
  seconds: number;
}

/**
 * Calls `send(i)` at `rate`/s for `durationMs`, open loop: every send due by now goes out, so a
 * stall shows up in the latencies instead of slowing the sender down (coordinated omission).
 */
async function openLoopSchedule(
  rate: number,
  durationMs: number,
  send: (index: number) => Promise<void>,
): Promise<Schedule> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const total = Math.round((rate * durationMs) / 1000);
  const interval = 1000 / rate;
  const startedAt = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && startedAt + sent * interval <= now) {
        const scheduled = startedAt + sent * interval;
        pending.push(
          send(sent).then(() => {
            latencies.push(performance.now() - scheduled);
          }),
        );
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  return {
    latencies: latencies.sort((a, b) => a - b),
    sent,
    seconds: (performance.now() - startedAt) / 1000,
  };
}

/** Single-statement POSTs at `rate`/s for `durationMs`. */
async function openLoop(
  origin: string,
  headers: Record<string, string>,
  bodies: StatementBodies,
  rate: number,
  durationMs: number,
): Promise<OpenLoopResult> {
  const agent = keepAliveAgent(POOL_CONNECTIONS);
  const url = new URL('/xapi/statements', origin);
  const outcomes = new Outcomes();
  const schedule = await openLoopSchedule(rate, durationMs, async () => {
    outcomes.add(await post(agent, url, headers, bodies.single()));
  });
  agent.destroy();
  return { ...schedule, outcomes };
}

/**
 * The floor under the gateway's figure: the same open loop straight into Kafka with the
 * gateway's producer (ReliableProducer: idempotent, acks=all, coalescing), one send of the two
 * records a statement makes (xapi.statements.v1 and learning.events.v1, 1.5 kB each) per tick.
 */
async function kafkaOpenLoop(
  kafka: BenchKafka,
  rate: number,
  durationMs: number,
): Promise<number[]> {
  const producer = await ReliableProducer.connect(kafka.kafka, pino({ level: 'warn' }));
  const value = Buffer.alloc(1_550, 'x');
  try {
    const schedule = await openLoopSchedule(rate, durationMs, (index) => {
      const key = `bench:floor-${index}`;
      return producer.send([
        { topic: TOPICS.xapiStatements, messages: [{ key, value }] },
        { topic: TOPICS.learningEvents, messages: [{ key, value }] },
      ]);
    });
    return schedule.latencies;
  } finally {
    await producer.close();
  }
}

interface HeldResult {
  connected: number;
  connectErrors: Map<string, number>;
  connectSeconds: number;
  answered200: number;
  errors: Map<string, number>;
  wallSeconds: number;
  latencies: number[];
}

/** The kernel's count of connections dropped because a listen (accept) queue was full. */
function listenOverflows(): number {
  const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
  const names = lines.find((line) => line.startsWith('TcpExt:'))?.split(/\s+/) ?? [];
  const values = lines.filter((line) => line.startsWith('TcpExt:'))[1]?.split(/\s+/) ?? [];
  return Number(values[names.indexOf('ListenOverflows')] ?? Number.NaN);
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Opens `count` sockets, then sends one POST on each at once and waits for every answer. */
async function heldConnections(
  port: number,
  headers: Record<string, string>,
  bodies: StatementBodies,
  count: number,
): Promise<HeldResult> {
  const connectErrors = new Map<string, number>();
  const connectStarted = performance.now();
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket | null>((resolve) => {
          const socket = connect({ host: '127.0.0.1', port });
          const timer = setTimeout(() => {
            socket.destroy();
            bump(connectErrors, 'connect timeout');
            resolve(null);
          }, CONNECT_TIMEOUT_MS);
          socket.once('connect', () => {
            clearTimeout(timer);
            resolve(socket);
          });
          socket.once('error', (error: NodeJS.ErrnoException) => {
            clearTimeout(timer);
            bump(connectErrors, error.code ?? error.message);
            resolve(null);
          });
        }),
    ),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  const open = sockets.filter((socket): socket is Socket => socket !== null);

  const errors = new Map<string, number>();
  const latencies: number[] = [];
  let answered200 = 0;
  const requests = open.map((socket) => {
    const body = bodies.single();
    const head =
      `POST /xapi/statements HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n`;
    return { socket, request: head + body };
  });
  const sentAt = performance.now();
  await Promise.all(
    requests.map(
      ({ socket, request }) =>
        new Promise<void>((resolve) => {
          let received = '';
          let settled = false;
          const finish = (outcome: string | null): void => {
            // destroy() below emits 'close': only the first outcome counts.
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            socket.removeAllListeners('data');
            socket.destroy();
            if (outcome === null) {
              answered200 += 1;
              latencies.push(performance.now() - sentAt);
            } else bump(errors, outcome);
            resolve();
          };
          const timer = setTimeout(() => {
            finish('no answer within 120 s');
          }, ANSWER_TIMEOUT_MS);
          socket.on('data', (chunk: Buffer) => {
            received += chunk.toString('latin1');
            const headerEnd = received.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const length = /\r\ncontent-length:\s*(\d+)/i.exec(received.slice(0, headerEnd));
            if (received.length < headerEnd + 4 + Number(length?.[1] ?? 0)) return;
            const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? '???';
            finish(status === '200' ? null : `HTTP ${status}`);
          });
          socket.once('error', (error: NodeJS.ErrnoException) => {
            finish(error.code ?? error.message);
          });
          socket.once('close', () => {
            finish('closed without an answer');
          });
          socket.write(request);
        }),
    ),
  );
  return {
    connected: open.length,
    connectErrors,
    connectSeconds,
    answered200,
    errors,
    wallSeconds: (performance.now() - sentAt) / 1000,
    latencies: latencies.sort((a, b) => a - b),
  };
}

function percentiles(latencies: readonly number[]): string {
  return (
    `p50 ${ms(quantile(latencies, 0.5))}, p90 ${ms(quantile(latencies, 0.9))}, ` +
    `p99 ${ms(quantile(latencies, 0.99))}, max ${ms(latencies.at(-1) ?? Number.NaN)}`
  );
}

function describe(map: Map<string, number>): string {
  return map.size === 0 ? 'none' : [...map.entries()].map(([k, v]) => `${k}: ${v}`).join(', ');
}

runBenchmark(async (cleanup) => {
  print(loadLine());
  print('starting a Kafka broker for the benchmark (temp LEARNPULSE_HOME, free ports)');
  const kafka = await startBenchKafka(cleanup);
  const credentials = benchCredentials();
  const bodies = new StatementBodies(demoStatements(100));
  const profile = process.argv.includes('--profile');
  const profileDir = profile ? cleanup.tempDir('bench-cpu-prof') : '';
  const gateway = await startGateway(
    cleanup,
    kafka,
    credentials,
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const headers = postHeaders(credentials);
  print(`gateway: serve xapi-gateway (pid ${gateway.pid}) on ${gateway.origin}`);

  const warmUp = await openLoop(gateway.origin, headers, bodies, RATE_PER_SECOND / 4, WARM_UP_MS);
  print(
    `warm-up at ${RATE_PER_SECOND / 4}/s: ${percentiles(warmUp.latencies)}, errors ${warmUp.outcomes.errorCount}`,
  );
  const steady = await openLoop(
    gateway.origin,
    headers,
    bodies,
    RATE_PER_SECOND,
    STEADY_WARM_UP_MS,
  );
  print(
    `warm-up at ${RATE_PER_SECOND}/s for ${STEADY_WARM_UP_MS / 1000} s: ${percentiles(steady.latencies)}, errors ${steady.outcomes.errorCount}`,
  );

  const brokerPid = kafka.brokerPid;
  const cpuBefore = { gateway: cpuSeconds(gateway.pid), broker: cpuSeconds(brokerPid) };
  const loadBefore = process.cpuUsage();
  const run = await openLoop(gateway.origin, headers, bodies, RATE_PER_SECOND, DURATION_MS);
  const loadCpu = process.cpuUsage(loadBefore);
  const cpu = {
    gateway: cpuSeconds(gateway.pid) - cpuBefore.gateway,
    broker: cpuSeconds(brokerPid) - cpuBefore.broker,
    load: (loadCpu.user + loadCpu.system) / 1e6,
  };
  print('');
  print(loadLine());
  print(
    `single-statement POST, open loop at ${RATE_PER_SECOND}/s for ${DURATION_MS / 1000} s ` +
      `(${POOL_CONNECTIONS} keep-alive connections), latency from the scheduled send time:`,
  );
  print(`  ${percentiles(run.latencies)}`);
  print(
    `  sent ${run.sent}, answered 200 ${run.outcomes.ok}, errors ${run.outcomes.errorCount}, ` +
      `achieved ${(run.outcomes.ok / run.seconds).toFixed(0)} statements/s over ${run.seconds.toFixed(1)} s`,
  );
  for (const line of run.outcomes.describeErrors()) print(line);
  print(
    `  CPU in the open loop (cores): gateway ${(cpu.gateway / run.seconds).toFixed(2)}, ` +
      `broker ${(cpu.broker / run.seconds).toFixed(2)}, load generator ${(cpu.load / run.seconds).toFixed(2)}`,
  );
  print(`  goal p99 < 50 ms: ${quantile(run.latencies, 0.99) < 50 ? 'met' : 'NOT met'}`);
  if (profile) {
    await gateway.process.stop();
    await sleep(500);
    printCpuProfile(profileDir, 'gateway CPU profile (start-up, warm-up and run)');
    return;
  }

  const overflowsBefore = listenOverflows();
  const held = await heldConnections(gateway.port, headers, bodies, HELD_CONNECTIONS);
  const overflows = listenOverflows() - overflowsBefore;
  print('');
  print(loadLine());
  print(`${HELD_CONNECTIONS} connections held at once, one single-statement POST each:`);
  print(
    `  connected ${held.connected} in ${held.connectSeconds.toFixed(1)} s (connect errors: ${describe(held.connectErrors)})`,
  );
  print(
    `  kernel ListenOverflows during the test: ${overflows} (SYNs dropped because the accept ` +
      `queue, the listen backlog of 511, was full; the clients' SYN retries hid them as slow connects)`,
  );
  print(
    `  answered 200: ${held.answered200}, errors: ${HELD_CONNECTIONS - held.answered200} ` +
      `(${describe(held.errors)}), wall time from the sends to the last answer ${held.wallSeconds.toFixed(1)} s`,
  );
  print(`  answer times: ${percentiles(held.latencies)}`);
  print(`  goal zero errors: ${held.answered200 === HELD_CONNECTIONS ? 'met' : 'NOT met'}`);

  await gateway.process.stop();
  await kafkaOpenLoop(kafka, RATE_PER_SECOND, WARM_UP_MS);
  const floor = await kafkaOpenLoop(kafka, RATE_PER_SECOND, DURATION_MS);
  print('');
  print(loadLine());
  print(
    `baseline, the same open loop at ${RATE_PER_SECOND}/s straight into Kafka (ReliableProducer, ` +
      `2 records of 1.5 kB per send, gateway stopped):`,
  );
  print(`  ${percentiles(floor)}`);
  print(
    `  gateway p99 / Kafka p99: ${(quantile(run.latencies, 0.99) / quantile(floor, 0.99)).toFixed(2)}`,
  );
});
