/** `learnpulse demo`: sends the demo stream to a running xAPI gateway until Ctrl-C. */
import { loadConfigOrExit } from '@learnpulse/config';
import { runDemoStream } from '@learnpulse/demo';
import { createLogger } from '@learnpulse/observability';
import { shutdownSignal } from '../shutdown-signal';

export interface DemoCommandOptions {
  url?: string;
  days: string;
  rate: string;
}

export async function demoCommand(options: DemoCommandOptions): Promise<void> {
  const env = loadConfigOrExit();
  if (env.DEMO_LRS_SECRET === undefined) {
    throw new Error('set DEMO_LRS_SECRET (and DEMO_LRS_KEY) to the credential of the gateway');
  }
  const logger = createLogger(env, 'demo');
  const abort = new AbortController();
  void shutdownSignal().then(() => {
    abort.abort();
  });
  const result = await runDemoStream({
    baseUrl: options.url ?? `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}`,
    key: env.DEMO_LRS_KEY,
    secret: env.DEMO_LRS_SECRET,
    backfillDays: Number(options.days),
    liveRatePerSecond: Number(options.rate),
    signal: abort.signal,
    log: logger,
  });
  logger.info(result, 'demo stream finished');
}
