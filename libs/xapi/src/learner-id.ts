/**
 * A stable learner id from an xAPI actor's inverse functional identifier, e.g.
 * `mbox:mailto:a@example.org` or `account:https://lms.example|123`. The prefix keeps ids from
 * different identifier kinds apart.
 */
import { type XapiActor, type XapiGroup } from './statement.types';

export function actorLearnerId(actor: XapiActor): string {
  if (actor.mbox !== undefined) return `mbox:${actor.mbox}`;
  if (actor.mbox_sha1sum !== undefined) return `mbox_sha1sum:${actor.mbox_sha1sum.toLowerCase()}`;
  if (actor.openid !== undefined) return `openid:${actor.openid}`;
  if (actor.account !== undefined) return `account:${actor.account.homePage}|${actor.account.name}`;
  // An anonymous Group has no identifier of its own: it is the set of its members.
  const members = (actor as XapiGroup).member ?? [];
  return `group:[${members.map(actorLearnerId).sort().join(',')}]`;
}
