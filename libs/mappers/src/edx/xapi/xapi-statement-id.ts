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

/** `childId` distinguishes the per-question statements of one multi-question problem check. */
export function edxStatementId(
  verb: XapiVerbJson,
  actor: XapiAccountActor,
  timestamp: string,
  childId?: string,
): string {
  const namespaceKey = childId === undefined ? verbJson(verb) : `${verbJson(verb)}-${childId}`;
  // Plain uuidV5, not deriveEventId: its escaping of backslashes would change the hash of JSON
  // text with escapes in it.
  const namespace = uuidV5(UUID_NAMESPACE_DNS, namespaceKey);
  return uuidV5(namespace, `${actorJson(actor)}-${timestamp}`);
}
