import { basicAuthHeader } from '@learnpulse/auth';
/**
 * Posts statement batches to an xAPI endpoint like a well-behaved LMS: Basic auth, the xAPI
 * version header, and patience when the gateway is busy (503/429 + Retry-After) or not up yet.
 */
import type { DemoStatement } from './demo-statement.types';

export interface DemoLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export const silentLogger: DemoLogger = {
  info: () => undefined,
  warn: () => undefined,
};

export interface SenderOptions {
  baseUrl: string;
  key: string;
  secret: string;
  signal?: AbortSignal;
  log?: DemoLogger;
  /** Attempts per batch before giving up (default 30). */
  maxAttempts?: number;
  /** First back-off after a network error or a 5xx, doubled each time up to 5 s (default 250). */
  initialBackoffMs?: number;
}

export type SendOutcome = 'stored' | 'conflict' | 'aborted';

/** The endpoint refused a batch for a reason a retry cannot fix (bad credentials, bad shape). */
export class DemoSendError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the xAPI endpoint answered ${String(status)}: ${body.slice(0, 500)}`);
    this.name = 'DemoSendError';
  }
}

const MAX_RETRY_AFTER_MS = 30_000;

/** Retry-After is either delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, seconds * 1000));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}

/** Resolves after `ms`, or early (false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class StatementSender {
  /** Retries spent so far, across batches. */
  retries = 0;
  private readonly url: string;
  private readonly authorization: string;
  private readonly log: DemoLogger;

  constructor(private readonly options: SenderOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/xapi/statements`;
    this.authorization = basicAuthHeader(options.key, options.secret);
    this.log = options.log ?? silentLogger;
  }

  /** Sends one batch until it is stored, conflicts, or the run is aborted. */
  async send(batch: readonly DemoStatement[]): Promise<SendOutcome> {
    const { signal } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 30;
    let backoff = this.options.initialBackoffMs ?? 250;
    const body = JSON.stringify(batch);
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) return 'aborted';
      let waitMs: number;
      let reason: string;
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: {
            authorization: this.authorization,
            'content-type': 'application/json',
            'x-experience-api-version': '2.0.0',
          },
          body,
          ...(signal ? { signal } : {}),
        });
        const text = await response.text();
        if (response.ok) return 'stored';
        // Same ids with other content: an earlier demo run (on another day) stored them.
        if (response.status === 409) {
          this.log.warn(
            { status: 409, statements: batch.length },
            'batch conflicts with stored statements; skipped',
          );
          return 'conflict';
        }
        if (response.status !== 503 && response.status !== 429 && response.status < 500) {
          throw new DemoSendError(response.status, text);
        }
        reason = `HTTP ${String(response.status)}`;
        waitMs = retryAfterMs(response.headers.get('retry-after')) ?? backoff;
      } catch (error) {
        if (error instanceof DemoSendError) throw error;
        if (signal?.aborted) return 'aborted';
        reason =
          error instanceof Error
            ? error.cause instanceof Error
              ? error.cause.message
              : error.message
            : String(error);
        waitMs = backoff;
      }
      if (attempt >= maxAttempts) {
        throw new Error(
          `gave up on a batch of ${String(batch.length)} statements after ${String(attempt)} attempts (${reason})`,
        );
      }
      this.retries += 1;
      this.log.info({ attempt, waitMs, reason }, 'xAPI endpoint busy or unreachable; retrying');
      backoff = Math.min(5_000, backoff * 2);
      if (!(await sleep(waitMs, signal))) return 'aborted';
    }
  }
}
