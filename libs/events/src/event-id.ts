/**
 * Stable event ids for sources whose events carry none of their own: a name-based UUIDv5
 * (RFC 9562, SHA-1) of the source's identity of the event, so a re-sent or re-imported event
 * gets the same id and is counted once.
 */
import { hash } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The RFC 9562 namespaces for DNS names and URLs. */
export const UUID_NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
export const UUID_NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * Root namespace of learnpulse event ids. Never change it: every derived id, and so the
 * deduplication of every re-sent event, depends on it.
 */
export const LEARNPULSE_EVENT_ID_NAMESPACE = '362b10c8-aa30-42a6-a74c-b4da4f8b8fb0';

// The unit separator joins parts; escaping it and the escape character keeps the join
// injective, so ['a:b', 'c'] and ['a', 'b:c'] (or any other split) never share an id.
const PART_SEPARATOR = '\u001f';

function escapePart(part: string): string {
  // Most parts (ids, timestamps) have neither character: no copies then.
  if (!part.includes('\\') && !part.includes(PART_SEPARATOR)) return part;
  return part.replaceAll('\\', '\\\\').replaceAll(PART_SEPARATOR, `\\${PART_SEPARATOR}`);
}

/**
 * UUIDv5 of `parts` in `namespace` (a UUID). A single part is hashed as is, so
 * deriveEventId(UUID_NAMESPACE_DNS, ['www.example.com']) is the standard v5 value.
 */
export function deriveEventId(namespace: string, parts: readonly string[]): string {
  if (!UUID_PATTERN.test(namespace)) {
    throw new TypeError(`namespace must be a UUID, got ${JSON.stringify(namespace)}`);
  }
  if (parts.length === 0) {
    throw new TypeError('deriveEventId needs at least one part');
  }
  return uuidV5(namespace, parts.map(escapePart).join(PART_SEPARATOR));
}

/** The namespaces' 16 bytes, by text: an import derives several ids per event from a few. */
const namespaceBytes = new Map<string, Buffer>();

function bytesOfNamespace(namespace: string): Buffer {
  let bytes = namespaceBytes.get(namespace);
  if (bytes === undefined) {
    bytes = Buffer.from(namespace.replaceAll('-', ''), 'hex');
    // Derived namespaces (one per verb, say) stay few; a bound keeps a stray caller flat.
    if (namespaceBytes.size >= 10_000) namespaceBytes.clear();
    namespaceBytes.set(namespace, bytes);
  }
  return bytes;
}

/**
 * Plain RFC 9562 UUIDv5 of one name in `namespace` (a UUID, not checked here). One native
 * hash call: createHash().update().update().digest() cost ~9 % of an edX import's CPU.
 */
export function uuidV5(namespace: string, name: string): string {
  const prefix = bytesOfNamespace(namespace);
  // The name is written straight after the namespace: no intermediate copy of it.
  const input = Buffer.allocUnsafe(16 + Buffer.byteLength(name, 'utf8'));
  prefix.copy(input, 0);
  input.write(name, 16, 'utf8');
  const bytes = hash('sha1', input, 'buffer');
  // Version 5 in the high nibble of byte 6, RFC variant (10xx) in the high bits of byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
