/**
 * Delay before retry number `attempt` (1 = the first retry): exponential from `baseMs`, capped
 * at `maxMs`, with "equal jitter" (half fixed, half random) so many failing deliveries do not
 * retry in lock-step against a receiver that is coming back.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
