/**
 * The index columns of a stored statement (libs/clickhouse/migrations/0005): what the xAPI
 * GET filters agent, activity, related_agents, related_activities and statements/read/mine
 * match on, plus voiding. Agents are in the identifier form of `actorLearnerId`, the same
 * form the gateway turns an `agent` query parameter into.
 */
import { actorLearnerId, LRS_AUTHORITY_HOME_PAGE } from '@learnpulse/xapi';

export const VOIDED_VERB_ID = 'http://adlnet.gov/expapi/verbs/voided';

export interface StatementIndex {
  activity_id: string;
  agents: string[];
  related_agents: string[];
  related_activities: string[];
  authority_key: string;
  statement_ref_id: string | null;
  is_voiding: 0 | 1;
  voided_target_id: string | null;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

function hasIdentifier(actor: Json): boolean {
  return IFI_KEYS.some((key) => actor[key] !== undefined);
}

/** The agent or group's own identifier (when it has one) and its members' identifiers. */
function agentIdentifiers(value: unknown): string[] {
  if (!isObject(value)) return [];
  const ids: string[] = [];
  if (hasIdentifier(value)) ids.push(actorLearnerId(value));
  if (Array.isArray(value.member)) {
    for (const member of value.member) {
      if (isObject(member) && hasIdentifier(member)) ids.push(actorLearnerId(member));
    }
  }
  return ids;
}

function isAgentObject(object: Json): boolean {
  return object.objectType === 'Agent' || object.objectType === 'Group';
}

function isActivityObject(object: Json): boolean {
  return (
    (object.objectType === undefined || object.objectType === 'Activity') &&
    typeof object.id === 'string'
  );
}

/** Agents the plain `agent` filter matches: actor and agent object, with group members. */
function actorAndObjectAgents(statement: Json): string[] {
  const object = statement.object;
  return [
    ...agentIdentifiers(statement.actor),
    ...(isObject(object) && isAgentObject(object) ? agentIdentifiers(object) : []),
  ];
}

/** Actor, object, instructor and team of a statement or sub-statement. */
function relatedAgentsOf(statement: Json): string[] {
  const context = isObject(statement.context) ? statement.context : {};
  return [
    ...actorAndObjectAgents(statement),
    ...agentIdentifiers(context.instructor),
    ...agentIdentifiers(context.team),
  ];
}

function contextActivityIds(statement: Json): string[] {
  const context = statement.context;
  if (!isObject(context) || !isObject(context.contextActivities)) return [];
  const ids: string[] = [];
  for (const value of Object.values(context.contextActivities)) {
    // xAPI 1.0 allows a single activity where 2.0 requires an array.
    for (const activity of Array.isArray(value) ? value : [value]) {
      if (isObject(activity) && typeof activity.id === 'string') ids.push(activity.id);
    }
  }
  return ids;
}

function relatedActivitiesOf(statement: Json): string[] {
  const object = statement.object;
  return [
    ...(isObject(object) && isActivityObject(object) ? [object.id as string] : []),
    ...contextActivityIds(statement),
  ];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The account name of an authority this LRS wrote (`urn:learnpulse:tenant...`), else empty. */
function authorityKey(authority: unknown): string {
  if (!isObject(authority) || !isObject(authority.account)) return '';
  const { homePage, name } = authority.account;
  return typeof homePage === 'string' &&
    homePage.startsWith(LRS_AUTHORITY_HOME_PAGE) &&
    typeof name === 'string'
    ? name
    : '';
}

/** Index columns of a complete stored statement (with its authority). */
export function statementIndex(statement: Json): StatementIndex {
  const object = isObject(statement.object) ? statement.object : {};
  const sub = object.objectType === 'SubStatement' ? object : null;
  const statementRefId =
    object.objectType === 'StatementRef' && typeof object.id === 'string'
      ? object.id.toLowerCase()
      : null;
  const verbId = isObject(statement.verb) ? statement.verb.id : undefined;
  const isVoiding = verbId === VOIDED_VERB_ID && statementRefId !== null;
  return {
    activity_id: isActivityObject(object) ? (object.id as string) : '',
    agents: unique(actorAndObjectAgents(statement)),
    related_agents: unique([
      ...relatedAgentsOf(statement),
      ...agentIdentifiers(statement.authority),
      ...(sub === null ? [] : relatedAgentsOf(sub)),
    ]),
    related_activities: unique([
      ...relatedActivitiesOf(statement),
      ...(sub === null ? [] : relatedActivitiesOf(sub)),
    ]),
    authority_key: authorityKey(statement.authority),
    statement_ref_id: statementRefId,
    is_voiding: isVoiding ? 1 : 0,
    voided_target_id: isVoiding ? statementRefId : null,
  };
}
