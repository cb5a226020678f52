/**
 * The demo an operator sees on `npm start`: the simulated term's backlog posted in batches,
 * then a gentle live stream of the same cohort until the signal aborts.
 */
import { DemoSimulation, type DemoOptions } from './demo-simulation';
import type { DemoStatement } from './demo-statement.types';
import { StatementSender, silentLogger, sleep, type DemoLogger } from './statement-sender';

export interface DemoStreamOptions extends DemoOptions {
  /** The xAPI gateway's origin, e.g. http://127.0.0.1:8080 (statements go to /xapi/statements). */
  baseUrl: string;
  key: string;
  secret: string;
  /** Live statements per second after the backlog (default 2; 0 ends the run after the backlog). */
  liveRatePerSecond?: number;
  /** Statements per POST (default 100). */
  batchSize?: number;
  /** Ends the live stream (and an unfinished backlog). */
  signal?: AbortSignal;
  log?: DemoLogger;
  /** Attempts per batch before the run fails (default 30). */
  maxAttempts?: number;
}

export interface DemoStreamResult {
  backfillStatements: number;
  liveStatements: number;
  batches: number;
  /** Batches the endpoint refused with 409 (ids stored earlier with other content). */
  conflictBatches: number;
  retries: number;
  aborted: boolean;
}

const LIVE_TICK_MS = 1_000;

export async function runDemoStream(options: DemoStreamOptions): Promise<DemoStreamResult> {
  const { signal } = options;
  const log = options.log ?? silentLogger;
  const batchSize = options.batchSize ?? 100;
  const liveRate = options.liveRatePerSecond ?? 2;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  if (!(liveRate >= 0)) throw new RangeError('liveRatePerSecond must be zero or more');

  const simulation = new DemoSimulation(options);
  const sender = new StatementSender({
    baseUrl: options.baseUrl,
    key: options.key,
    secret: options.secret,
    log,
    ...(signal ? { signal } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  });
  const result: DemoStreamResult = {
    backfillStatements: 0,
    liveStatements: 0,
    batches: 0,
    conflictBatches: 0,
    retries: 0,
    aborted: false,
  };
  const post = async (batch: DemoStatement[]): Promise<boolean> => {
    const outcome = await sender.send(batch);
    result.retries = sender.retries;
    if (outcome === 'aborted') {
      result.aborted = true;
      return false;
    }
    result.batches += 1;
    if (outcome === 'conflict') result.conflictBatches += 1;
    return true;
  };

  const backlog = simulation.backfill();
  log.info(
    {
      statements: backlog.length,
      learners: simulation.learners.length,
      since: new Date(simulation.courseStart).toISOString(),
    },
    'sending the demo backlog',
  );
  for (let i = 0; i < backlog.length; i += batchSize) {
    const batch = backlog.slice(i, i + batchSize);
    if (!(await post(batch))) return result;
    result.backfillStatements += batch.length;
  }
  log.info({ statements: result.backfillStatements, batches: result.batches }, 'demo backlog sent');
  if (liveRate === 0) return result;

  log.info({ perSecond: liveRate }, 'streaming live demo statements');
  let owed = 0;
  let last = Date.now();
  for (;;) {
    if (!(await sleep(LIVE_TICK_MS, signal))) {
      result.aborted = true;
      return result;
    }
    const now = Date.now();
    // Owed statements carry over, so rates below one per second still come out right.
    owed += ((now - last) / 1000) * liveRate;
    last = now;
    const count = Math.min(batchSize, Math.floor(owed));
    if (count === 0) continue;
    owed -= count;
    const batch = Array.from({ length: count }, () => simulation.nextLive(now));
    if (!(await post(batch))) return result;
    result.liveStatements += batch.length;
  }
}
