/**
 * The `format` parameter of GET /statements (Communication 2.1.3): `ids` keeps only what
 * identifies each Agent, Group, Activity and Verb; `canonical` keeps one language per language
 * map of Activities and Verbs, chosen by the request's Accept-Language. (`exact` is the statement
 * as stored.) Pure functions returning new objects.
 */
import { isJsonObject } from './rules/validation-report';

type Json = Record<string, unknown>;

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

// ---------------------------------------------------------------- format=ids

/** An Agent or identified Group as its IFI; an anonymous Group as its members' IFIs. */
function actorIds(actor: unknown): unknown {
  if (!isJsonObject(actor)) return actor;
  const out: Json = { objectType: actor.objectType ?? 'Agent' };
  for (const key of IFI_KEYS) if (actor[key] !== undefined) out[key] = actor[key];
  const identified = IFI_KEYS.some((key) => actor[key] !== undefined);
  if (!identified && Array.isArray(actor.member)) out.member = actor.member.map(actorIds);
  return out;
}

function activityIds(activity: unknown): unknown {
  if (!isJsonObject(activity)) return activity;
  return { objectType: activity.objectType ?? 'Activity', id: activity.id };
}

function objectIds(object: unknown): unknown {
  if (!isJsonObject(object)) return object;
  switch (object.objectType) {
    case 'Agent':
    case 'Group':
      return actorIds(object);
    case 'StatementRef':
      return { objectType: 'StatementRef', id: object.id };
    case 'SubStatement':
      return statementPartsIds(object);
    default:
      return activityIds(object);
  }
}

function contextIds(context: unknown): unknown {
  if (!isJsonObject(context)) return context;
  const out: Json = { ...context };
  if (context.instructor !== undefined) out.instructor = actorIds(context.instructor);
  if (context.team !== undefined) out.team = actorIds(context.team);
  if (isJsonObject(context.contextActivities)) {
    const kinds: Json = {};
    for (const [kind, list] of Object.entries(context.contextActivities)) {
      if (list === undefined) continue;
      kinds[kind] = (Array.isArray(list) ? list : [list]).map(activityIds);
    }
    out.contextActivities = kinds;
  }
  if (Array.isArray(context.contextAgents)) {
    out.contextAgents = context.contextAgents.map((entry: unknown) =>
      isJsonObject(entry) ? { ...entry, agent: actorIds(entry.agent) } : entry,
    );
  }
  if (Array.isArray(context.contextGroups)) {
    out.contextGroups = context.contextGroups.map((entry: unknown) =>
      isJsonObject(entry) ? { ...entry, group: actorIds(entry.group) } : entry,
    );
  }
  return out;
}

function statementPartsIds(statement: Json): Json {
  const out: Json = { ...statement };
  out.actor = actorIds(statement.actor);
  if (isJsonObject(statement.verb)) out.verb = { id: statement.verb.id };
  out.object = objectIds(statement.object);
  if (statement.context !== undefined) out.context = contextIds(statement.context);
  if (statement.authority !== undefined) out.authority = actorIds(statement.authority);
  return out;
}

/** `format=ids`: Agents, Groups, Activities and Verbs reduced to what identifies them. */
export function idsOnlyStatement<T extends Json>(statement: T): T {
  return statementPartsIds(statement) as T;
}

// ---------------------------------------------------------- format=canonical

/**
 * The language ranges of an Accept-Language header, best first (RFC 9110 12.5.4); ranges with
 * q=0 are left out.
 */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (header === undefined || header.trim() === '') return [];
  return header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)).find((m) => m !== null);
      return { range: range.trim(), q: q?.[1] === undefined ? 1 : Number(q[1]), index };
    })
    .filter(({ range, q }) => range.length > 0 && Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ range }) => range);
}

/** The key of `map` to show for the preferred language ranges; first key when none matches. */
function pickLanguage(map: Json, preferred: readonly string[]): string | undefined {
  const tags = Object.keys(map);
  const lower = tags.map((tag) => tag.toLowerCase());
  for (const range of preferred) {
    if (range === '*') return tags[0];
    const wanted = range.toLowerCase();
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return tags[exact];
    // 'en' accepts 'en-US' (RFC 4647 basic filtering); 'en-US' falls back to 'en'.
    const longer = lower.findIndex((tag) => tag.startsWith(`${wanted}-`));
    if (longer >= 0) return tags[longer];
    const base = wanted.split('-')[0] ?? wanted;
    const shorter = lower.indexOf(base);
    if (shorter >= 0) return tags[shorter];
  }
  return tags[0];
}

function oneLanguage(map: unknown, preferred: readonly string[]): unknown {
  if (!isJsonObject(map)) return map;
  const tag = pickLanguage(map, preferred);
  return tag === undefined ? {} : { [tag]: map[tag] };
}

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'];

function canonicalActivity(activity: unknown, preferred: readonly string[]): unknown {
  if (!isJsonObject(activity) || !isJsonObject(activity.definition)) return activity;
  const definition: Json = { ...activity.definition };
  for (const key of ['name', 'description']) {
    if (definition[key] !== undefined) definition[key] = oneLanguage(definition[key], preferred);
  }
  for (const list of COMPONENT_LISTS) {
    const components = definition[list];
    if (!Array.isArray(components)) continue;
    definition[list] = components.map((component: unknown) =>
      isJsonObject(component) && component.description !== undefined
        ? { ...component, description: oneLanguage(component.description, preferred) }
        : component,
    );
  }
  return { ...activity, definition };
}

function canonicalObject(object: unknown, preferred: readonly string[]): unknown {
  if (!isJsonObject(object)) return object;
  const type = object.objectType;
  if (type === 'Agent' || type === 'Group' || type === 'StatementRef') return object;
  if (type === 'SubStatement') return canonicalParts(object, preferred);
  return canonicalActivity(object, preferred);
}

function canonicalParts(statement: Json, preferred: readonly string[]): Json {
  const out: Json = { ...statement };
  if (isJsonObject(statement.verb) && statement.verb.display !== undefined) {
    out.verb = { ...statement.verb, display: oneLanguage(statement.verb.display, preferred) };
  }
  out.object = canonicalObject(statement.object, preferred);
  const context = statement.context;
  if (isJsonObject(context) && isJsonObject(context.contextActivities)) {
    const kinds: Json = {};
    for (const [kind, list] of Object.entries(context.contextActivities)) {
      if (list === undefined) continue;
      kinds[kind] = (Array.isArray(list) ? list : [list]).map((activity: unknown) =>
        canonicalActivity(activity, preferred),
      );
    }
    out.context = { ...context, contextActivities: kinds };
  }
  return out;
}

/**
 * `format=canonical`: every language map of the Activities (name, description, interaction
 * components) and of the Verb keeps one language, the best match of `acceptLanguages` (an
 * Accept-Language header or its ranges, best first), else the map's first entry. Agents and
 * Groups are returned as in `exact`.
 */
export function canonicalStatement<T extends Json>(
  statement: T,
  acceptLanguages: string | readonly string[] | undefined,
): T {
  const preferred =
    typeof acceptLanguages === 'string' || acceptLanguages === undefined
      ? parseAcceptLanguage(acceptLanguages)
      : acceptLanguages;
  return canonicalParts(statement, preferred) as T;
}
