/**
 * What a re-sent statement is compared with while the store does not have the first copy yet:
 * a hash of the parts `statementsEquivalent` compares. Left out: what the LRS sets (id, stored,
 * authority, version), attachments, Activity Definitions and the Verb's display; timestamps
 * count as instants, object members in sorted order, Group members in any order.
 */
import { hash } from 'node:crypto';
import { parseIsoTimestamp } from '@learnpulse/xapi';

const LRS_SET = new Set(['id', 'stored', 'authority', 'version', 'attachments']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Canonical JSON of `value` found under `key`, reduced like the statement comparison. Written
 * as plain loops: it runs for every accepted statement, and the filter/map/join version
 * allocated several arrays per object.
 */
function canonical(value: unknown, key: string | undefined): string {
  if (Array.isArray(value)) {
    if (key === 'member') {
      const items = value.map((item: unknown) => canonical(item, key));
      items.sort();
      return `[${items.join(',')}]`;
    }
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonical(value[i], key);
    }
    return out + ']';
  }
  if (!isObject(value)) return JSON.stringify(value);
  if (key === 'extensions') return canonicalPlain(value);
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const inner = value[k];
    if (inner === undefined || k === 'definition' || (key === 'verb' && k === 'display')) continue;
    const text =
      k === 'timestamp' && typeof inner === 'string'
        ? String(parseIsoTimestamp(inner) ?? inner)
        : canonical(inner, k);
    out += `${first ? '' : ','}${JSON.stringify(k)}:${text}`;
    first = false;
  }
  return out + '}';
}

/** Extension values are kept as they are, only member order is canonical. */
function canonicalPlain(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalPlain).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalPlain(value[k])}`).join(',')}}`;
}

export function statementFingerprint(statement: Record<string, unknown>): string {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(statement)) {
    if (!LRS_SET.has(key)) content[key] = value;
  }
  return hash('sha256', canonical(content, undefined), 'hex');
}
