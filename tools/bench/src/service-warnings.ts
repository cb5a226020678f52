/**
 * The warnings and errors a service under benchmark logged. Services run at LOG_LEVEL=warn, and
 * a warning that nobody reads can hide what the figures measure (a retry loop that never
 * loaded the known-ids filter did, for weeks): every benchmark prints them when it stops one.
 */
const WARN_LEVELS = new Set(['warn', 'error', 'fatal']);
const MAX_LISTED = 5;

/** The message of a log line at warn or above, or undefined for any other line. */
export function warningOf(line: string): string | undefined {
  if (!line.startsWith('{')) return /\b(warn(ing)?|error)\b/i.test(line) ? line : undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { level, msg } = entry as { level?: unknown; msg?: unknown };
  const atWarn =
    (typeof level === 'string' && WARN_LEVELS.has(level)) ||
    (typeof level === 'number' && level >= 40);
  if (!atWarn) return undefined;
  return `${String(level)}: ${typeof msg === 'string' ? msg : line}`;
}

/** How many warnings the service logged, and its most frequent ones: lines to print. */
export function serviceWarningsReport(service: string, lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const warning = warningOf(line);
    if (warning !== undefined) counts.set(warning, (counts.get(warning) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const frequent = [...counts].sort((a, b) => b[1] - a[1]).slice(0, MAX_LISTED);
  return [
    `service log of ${service}: ${total} warnings or errors`,
    ...frequent.map(([warning, n]) => `  ${n} x ${warning.slice(0, 300)}`),
  ];
}
