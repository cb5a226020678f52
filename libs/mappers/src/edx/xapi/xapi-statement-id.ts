/**
 * Statement ids exactly as event-routing-backends derives them, so a statement made here and
 * one made by Open edX for the same event share an id (and an LRS keeps one):
 * uuid5(uuid5(NAMESPACE_DNS, verbJson[-childId]), actorJson + '-' + timestamp), where the JSON
 * is what Python's tincan library writes (key order: verb id, display; actor objectType,
 * account{name, homePage}).
 */
import { UUID_NAMESPACE_DNS, uuidV5 } from '@learnpulse/events';
import { type XapiAccountActor, type XapiVerbJson } from './edx-xapi.types';
import { pythonJsonDumps } from './python-json';

function verbJson(verb: XapiVerbJson): string {
  return pythonJsonDumps({ id: verb.id, display: { ...verb.display } });
}

function actorJson(actor: XapiAccountActor): string {
  return pythonJsonDumps({
    objectType: actor.objectType,
    account: { name: actor.account.name, homePage: actor.account.homePage },
  });
}

/**
 * The per-verb namespaces by (verb id, display, child id): an import asks for the same few
 * verbs on every line, and the Python JSON and SHA-1 of the namespace were ~5 % of mapping an
 * edX event. The key is JSON.stringify of exactly what verbJson reads, in the same order, so
 * equal keys always mean equal namespaces.
 */
const verbNamespaces = new Map<string, string>();

function verbNamespace(verb: XapiVerbJson, childId: string | undefined): string {
  const key = JSON.stringify([verb.id, verb.display, childId ?? null]);
  let namespace = verbNamespaces.get(key);
  if (namespace === undefined) {
    const name = childId === undefined ? verbJson(verb) : `${verbJson(verb)}-${childId}`;
    // Plain uuidV5, not deriveEventId: its escaping of backslashes would change the hash of
    // JSON text with escapes in it.
    namespace = uuidV5(UUID_NAMESPACE_DNS, name);
    // Child ids (problem parts) are many in a long log; a bound keeps memory flat.
    if (verbNamespaces.size >= 10_000) verbNamespaces.clear();
    verbNamespaces.set(key, namespace);
  }
  return namespace;
}

/** `childId` distinguishes the per-question statements of one multi-question problem check. */
export function edxStatementId(
  verb: XapiVerbJson,
  actor: XapiAccountActor,
  timestamp: string,
  childId?: string,
): string {
  return uuidV5(verbNamespace(verb, childId), `${actorJson(actor)}-${timestamp}`);
}
