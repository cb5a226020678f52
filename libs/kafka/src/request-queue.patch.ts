/**
 * Fix for kafkajs 2.2.4's request queue (tulios/kafkajs#1751, unreleased PRs #1755/#1768):
 * when nothing is pending and the client is not throttled, scheduleCheckPendingRequests()
 * arms setTimeout(-Date.now()), which Node 24 reports as a TimeoutNegativeWarning and
 * which re-arms itself every millisecond for the life of each connection. The replacement
 * schedules a check only when there is something to wait for.
 */
import { createRequire } from 'node:module';

/** kafkajs' own value (src/network/requestQueue/index.js). */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;
const PATCHED = Symbol.for('learnpulse.kafkajs.requestQueuePatched');

interface RequestQueueInternals {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

function scheduleCheckPendingRequests(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId) return;
  const throttledForMs = this.throttledUntil - Date.now();
  // Nothing queued and no throttle to wait out: fulfilled or newly queued requests check again.
  if (this.pending.length === 0 && throttledForMs <= 0) return;
  const delayMs = throttledForMs > 0 ? throttledForMs : CHECK_PENDING_REQUESTS_INTERVAL_MS;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delayMs);
}

function isPatchable(value: unknown): value is { prototype: Record<string | symbol, unknown> } {
  if (typeof value !== 'function') return false;
  const prototype: unknown = (value as { prototype?: unknown }).prototype;
  return (
    typeof prototype === 'object' &&
    prototype !== null &&
    typeof (prototype as Record<string, unknown>).scheduleCheckPendingRequests === 'function'
  );
}

/** Applies the fix once per process, only to the kafkajs version it was written for. */
export function patchKafkajsRequestQueue(): boolean {
  const load = createRequire(__filename);
  const { version } = load('kafkajs/package.json') as { version: string };
  if (version !== '2.2.4') return false;
  const RequestQueue: unknown = load('kafkajs/src/network/requestQueue');
  if (!isPatchable(RequestQueue)) return false;
  if (RequestQueue.prototype[PATCHED] === true) return true;
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
  RequestQueue.prototype[PATCHED] = true;
  return true;
}
