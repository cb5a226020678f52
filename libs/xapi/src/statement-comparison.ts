/**
 * xAPI Data 2.3.1 "Statement Comparision Requirements": whether two statements with the same id
 * hold the same content (PUT/POST of a known id: no-op when equal, 409 when not). Differences
 * that the immutability exceptions allow are ignored:
 * - properties the LRS assigns or may assign: id (when one side has none), authority, stored,
 *   version, and timestamp when one side has none;
 * - Activity Definitions and the Verb's display (not part of the statement itself);
 * - the serialisation of timestamps (compared as instants);
 * - the order of a Group's members (an unordered list);
 * - attachments (not part of the statement);
 * - case where the value is case-insensitive: UUIDs, the domain of an mbox, SHA-1 hex;
 * - a single context Activity against a one-element array (the LRS stores arrays), and an
 *   absent objectType against its default ('Activity', 'Agent').
 * Everything else, Result duration included, must match exactly (JSON member order aside).
 */
import { parseIsoTimestamp } from './rules/formats';
import { isJsonObject } from './rules/validation-report';

const UUID_VALUED = new Set(['registration']);

function lowerMboxDomain(mbox: string): string {
  const at = mbox.lastIndexOf('@');
  return at < 0 ? mbox : mbox.slice(0, at) + mbox.slice(at).toLowerCase();
}

/** Canonical JSON text: object members in sorted order, so member order never matters. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

function comparableTimestamp(value: unknown): unknown {
  return parseIsoTimestamp(value) ?? value;
}

/** The statement part `value` found under `key`, reduced to what the comparison looks at. */
function comparable(value: unknown, key: string | undefined): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => comparable(item, key));
    return key === 'member' ? items.map(stableJson).sort() : items;
  }
  if (!isJsonObject(value) || key === 'extensions') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || k === 'definition' || k === 'attachments') continue;
    if (k === 'display' && key === 'verb') continue;
    // 'Activity' and 'Agent' are the defaults of an absent objectType: same content either way.
    if (k === 'objectType' && (v === 'Activity' || v === 'Agent')) continue;
    if (k === 'mbox' && typeof v === 'string') out[k] = lowerMboxDomain(v);
    else if (k === 'mbox_sha1sum' && typeof v === 'string') out[k] = v.toLowerCase();
    else if (UUID_VALUED.has(k) && typeof v === 'string') out[k] = v.toLowerCase();
    else if (k === 'id' && value.objectType === 'StatementRef' && typeof v === 'string') {
      out[k] = v.toLowerCase();
    } else if (k === 'timestamp') out[k] = comparableTimestamp(v);
    else if (k === 'contextActivities' && isJsonObject(v)) {
      const kinds: Record<string, unknown> = {};
      for (const [kind, activities] of Object.entries(v)) {
        if (activities === undefined) continue;
        kinds[kind] = comparable(Array.isArray(activities) ? activities : [activities], kind);
      }
      out[k] = kinds;
    } else out[k] = comparable(v, k);
  }
  return out;
}

function withoutKeys(
  value: Record<string, unknown>,
  keys: ReadonlySet<string>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.has(key)));
}

/**
 * True when `a` and `b` are the same statement for xAPI's purposes (see the file comment).
 * Either may be a stored statement (with id, stored, authority, version) or a received one.
 */
export function statementsEquivalent(a: unknown, b: unknown): boolean {
  if (!isJsonObject(a) || !isJsonObject(b)) return stableJson(a) === stableJson(b);
  // id and timestamp are compared only when both sides have one (the LRS assigns them).
  const ignored = new Set(['authority', 'stored', 'version']);
  for (const key of ['id', 'timestamp']) {
    if (a[key] === undefined || b[key] === undefined) ignored.add(key);
  }
  const left = withoutKeys(a, ignored);
  const right = withoutKeys(b, ignored);
  if (typeof left.id === 'string') left.id = left.id.toLowerCase();
  if (typeof right.id === 'string') right.id = right.id.toLowerCase();
  return stableJson(comparable(left, undefined)) === stableJson(comparable(right, undefined));
}
