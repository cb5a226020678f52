/**
 * Parses a Caliper request body. Beyond JSON.parse it remembers which numbers were written
 * without a fractional part, because Caliper's Decimal properties (scoreGiven, maxScore, …)
 * "MUST" be numbers with a decimal separator and a parsed `25` cannot tell that from `25.0`.
 */
import { type CaliperValidationError } from './caliper.types';

/** Per object (or array), the keys whose number literal had no fraction or exponent. */
const integerLiterals = new WeakMap<object, Set<string>>();

type Reviver = (
  this: unknown,
  key: string,
  value: unknown,
  context?: { source?: string },
) => unknown;

const recordIntegerLiterals: Reviver = function (key, value, context) {
  // Node 24 passes the literal's source text to the reviver (JSON.parse source text access).
  const source = context?.source;
  if (typeof value === 'number' && source !== undefined && /^-?\d+$/.test(source)) {
    const holder = this as object;
    const keys = integerLiterals.get(holder) ?? new Set<string>();
    keys.add(key);
    integerLiterals.set(holder, keys);
  }
  return value;
};

export type CaliperJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly errors: CaliperValidationError[] };

/** The parsed body, or a `body: must be JSON (…)` error; never throws. */
export function parseCaliperJson(text: string): CaliperJsonResult {
  try {
    return { ok: true, value: JSON.parse(text, recordIntegerLiterals as never) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: 'body', rule: `must be JSON (${reason})` }] };
  }
}

/**
 * True when `holder[key]` is a number that `parseCaliperJson` read from a literal without a
 * fractional part. Values built in code (not parsed here) are never flagged.
 */
export function isIntegerLiteral(holder: object, key: string): boolean {
  return integerLiterals.get(holder)?.has(key) ?? false;
}
