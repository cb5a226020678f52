/**
 * The `format` parameter of GET /xapi/statements applied to a stored statement:
 * - exact: as stored;
 * - ids: Agents, Groups, Activities and Verbs reduced to what identifies them (an anonymous
 *   Group keeps its members, each reduced);
 * - canonical: every language map of Activities and Verbs reduced to the one language the
 *   Accept-Language header prefers. This LRS keeps no separate canonical Activity definitions,
 *   so the statement's own definition is the canonical one.
 */
import { type StatementFormat } from './statement-query-params';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

function idsAgent(value: unknown): unknown {
  if (!isObject(value)) return value;
  const reduced: Json = {};
  if (value.objectType !== undefined) reduced.objectType = value.objectType;
  for (const key of IFI_KEYS) if (value[key] !== undefined) reduced[key] = value[key];
  const identified = IFI_KEYS.some((key) => value[key] !== undefined);
  if (!identified && Array.isArray(value.member)) reduced.member = value.member.map(idsAgent);
  return reduced;
}

function idsActivity(value: unknown): unknown {
  return isObject(value) ? { objectType: 'Activity', id: value.id } : value;
}

function idsContextActivities(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([kind, list]) => [
      kind,
      Array.isArray(list) ? list.map(idsActivity) : idsActivity(list),
    ]),
  );
}

function idsObject(value: unknown): unknown {
  if (!isObject(value)) return value;
  switch (value.objectType) {
    case 'Agent':
    case 'Group':
      return idsAgent(value);
    case 'SubStatement':
      return idsStatementBody(value);
    case 'StatementRef':
      return value;
    default:
      return idsActivity(value);
  }
}

function idsStatementBody(statement: Json): Json {
  const result: Json = { ...statement };
  result.actor = idsAgent(statement.actor);
  if (isObject(statement.verb)) result.verb = { id: statement.verb.id };
  result.object = idsObject(statement.object);
  if (statement.authority !== undefined) result.authority = idsAgent(statement.authority);
  if (isObject(statement.context)) {
    const context: Json = { ...statement.context };
    if (context.instructor !== undefined) context.instructor = idsAgent(context.instructor);
    if (context.team !== undefined) context.team = idsAgent(context.team);
    if (context.contextActivities !== undefined) {
      context.contextActivities = idsContextActivities(context.contextActivities);
    }
    result.context = context;
  }
  return result;
}

/** A weighted language range of Accept-Language, best first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return {
        range: range.trim().toLowerCase(),
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((entry) => entry.range !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.range);
}

/** The one entry of a language map the client prefers (RFC 4647 lookup), else the first. */
export function pickLanguage(map: Json, languages: readonly string[]): Json {
  const tags = Object.keys(map);
  if (tags.length <= 1) return map;
  for (const range of languages) {
    if (range === '*') break;
    let prefix = range;
    for (;;) {
      const tag = tags.find((t) => t.toLowerCase() === prefix);
      if (tag !== undefined) return { [tag]: map[tag] };
      const cut = prefix.lastIndexOf('-');
      if (cut < 0) break;
      prefix = prefix.slice(0, cut);
    }
    const related = tags.find((t) => t.toLowerCase().startsWith(`${range}-`));
    if (related !== undefined) return { [related]: map[related] };
  }
  const first = tags[0] as string;
  return { [first]: map[first] };
}

const INTERACTION_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

function canonicalActivity(value: unknown, languages: readonly string[]): unknown {
  if (!isObject(value) || !isObject(value.definition)) return value;
  const definition: Json = { ...value.definition };
  for (const key of ['name', 'description'] as const) {
    if (isObject(definition[key])) definition[key] = pickLanguage(definition[key], languages);
  }
  for (const key of INTERACTION_LISTS) {
    const list = definition[key];
    if (Array.isArray(list)) {
      definition[key] = list.map((component: unknown) =>
        isObject(component) && isObject(component.description)
          ? { ...component, description: pickLanguage(component.description, languages) }
          : component,
      );
    }
  }
  return { ...value, definition };
}

function canonicalStatementBody(statement: Json, languages: readonly string[]): Json {
  const result: Json = { ...statement };
  if (isObject(statement.verb) && isObject(statement.verb.display)) {
    result.verb = { ...statement.verb, display: pickLanguage(statement.verb.display, languages) };
  }
  const object = statement.object;
  if (isObject(object)) {
    if (object.objectType === 'SubStatement')
      result.object = canonicalStatementBody(object, languages);
    else if (object.objectType === undefined || object.objectType === 'Activity') {
      result.object = canonicalActivity(object, languages);
    }
  }
  if (isObject(statement.context) && isObject(statement.context.contextActivities)) {
    const activities = statement.context.contextActivities;
    result.context = {
      ...statement.context,
      contextActivities: Object.fromEntries(
        Object.entries(activities).map(([kind, list]) => [
          kind,
          Array.isArray(list)
            ? list.map((a: unknown) => canonicalActivity(a, languages))
            : canonicalActivity(list, languages),
        ]),
      ),
    };
  }
  return result;
}

export function formatStatement(
  statement: Json,
  format: StatementFormat,
  languages: readonly string[] = [],
): Json {
  switch (format) {
    case 'ids':
      return idsStatementBody(statement);
    case 'canonical':
      return canonicalStatementBody(statement, languages);
    default:
      return statement;
  }
}
