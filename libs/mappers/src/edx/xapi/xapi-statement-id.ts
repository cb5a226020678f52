/**
 * Statement ids exactly as event-routing-backends derives them, so a statement made here and
 * one made by Open edX for the same event share an id (and an LRS keeps one):
 * uuid5(uuid5(NAMESPACE_DNS, verbJson[-childId]), actorJson + '-' + timestamp), where the JSON
 * is what Python's tincan library writes (key order: verb id, display; actor objectType,
 * account{name, homePage}).
 */
import { createHash } from 'node:crypto';
import { UUID_NAMESPACE_DNS } from '@learnpulse/events';
import { type XapiAccountActor, type XapiVerbJson } from './edx-xapi.types';
import { pythonJsonDumps } from './python-json';

/**
 * Plain RFC 9562 UUIDv5 of one name. (deriveEventId escapes backslashes to keep multi-part
 * names unambiguous, which would change the hash of JSON text with escapes in it.)
 */
export function uuid5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function verbJson(verb: XapiVerbJson): string {
  return pythonJsonDumps({ id: verb.id, display: { ...verb.display } });
}

function actorJson(actor: XapiAccountActor): string {
  return pythonJsonDumps({
    objectType: actor.objectType,
    account: { name: actor.account.name, homePage: actor.account.homePage },
  });
}

/** `childId` distinguishes the per-question statements of one multi-question problem check. */
export function edxStatementId(
  verb: XapiVerbJson,
  actor: XapiAccountActor,
  timestamp: string,
  childId?: string,
): string {
  const namespaceKey = childId === undefined ? verbJson(verb) : `${verbJson(verb)}-${childId}`;
  const namespace = uuid5(UUID_NAMESPACE_DNS, namespaceKey);
  return uuid5(namespace, `${actorJson(actor)}-${timestamp}`);
}
