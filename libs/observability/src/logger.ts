/** pino JSON logs: one event per line, tagged with the app that wrote it. */
import type { Environment } from '@learnpulse/config';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(env: Pick<Environment, 'LOG_LEVEL'>, app: string): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { app },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
