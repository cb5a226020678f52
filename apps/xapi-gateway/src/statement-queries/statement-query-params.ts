/**
 * The query parameters of GET /xapi/statements, checked and turned into store filters. Pure: a
 * request is one of a single statement, a first page, or a following page (`more` cursor).
 * Every problem is reported as {param, rule}; unknown parameters are refused, as xAPI requires.
 */
import { actorLearnerId, parseIsoTimestamp } from '@learnpulse/xapi';
import { decodeCursor, type StatementCursor } from '../store/statement-cursor';
import { type StatementQueryFilters } from '../store/statement-query';

/**
 * What `limit=0` (or no limit) means, and the most one page holds. 100 like ADL's reference
 * LRS: a filtered page fetches statements scattered over the store, each costing a granule read.
 */
export const MAX_PAGE_SIZE = 100;

export type StatementFormat = 'exact' | 'ids' | 'canonical';

export interface QueryParamError {
  param: string;
  rule: string;
}

export interface Presentation {
  format: StatementFormat;
  attachments: boolean;
}

export type StatementRequest =
  | ({ kind: 'single'; voided: boolean; statementId: string } & Presentation)
  | ({
      kind: 'list';
      filters: Omit<StatementQueryFilters, 'authorityKey'>;
      limit: number;
      ascending: boolean;
    } & Presentation)
  | ({ kind: 'more'; cursor: StatementCursor } & Presentation);

export type ParsedStatementRequest =
  { ok: true; request: StatementRequest } | { ok: false; errors: QueryParamError[] };

const KNOWN_PARAMS = new Set([
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
  'more',
]);

/** Parameters allowed next to statementId, voidedStatementId and more. */
const PRESENTATION_PARAMS = new Set(['format', 'attachments']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const SHA1_HEX = /^[0-9a-f]{40}$/i;
const MAX_PARAM_LENGTH = 4096;

type Raw = Record<string, unknown>;

class Collector {
  readonly errors: QueryParamError[] = [];
  add(param: string, rule: string): void {
    this.errors.push({ param, rule });
  }
}

/** One string value, or undefined when absent; repeated or over-long values are errors. */
function single(raw: Raw, param: string, errors: Collector): string | undefined {
  const value = raw[param];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    errors.add(param, 'must be given once');
    return undefined;
  }
  if (value.length > MAX_PARAM_LENGTH) {
    errors.add(param, `must be at most ${MAX_PARAM_LENGTH} characters`);
    return undefined;
  }
  return value;
}

function bool(raw: Raw, param: string, errors: Collector): boolean | undefined {
  const value = single(raw, param, errors);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  errors.add(param, 'must be true or false');
  return undefined;
}

function uuid(raw: Raw, param: string, errors: Collector): string | undefined {
  const value = single(raw, param, errors);
  if (value === undefined) return undefined;
  if (UUID.test(value)) return value.toLowerCase();
  errors.add(param, 'must be a UUID');
  return undefined;
}

function iri(raw: Raw, param: string, errors: Collector): string | undefined {
  const value = single(raw, param, errors);
  if (value === undefined) return undefined;
  if (IRI.test(value)) return value;
  errors.add(param, 'must be an absolute IRI');
  return undefined;
}

function timestamp(raw: Raw, param: string, errors: Collector): number | undefined {
  const value = single(raw, param, errors);
  if (value === undefined) return undefined;
  const ms = parseIsoTimestamp(value);
  if (ms !== null) return ms;
  errors.add(param, 'must be an ISO 8601 timestamp');
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exactly one well-formed inverse functional identifier, as Agent and identified Group have. */
function identifierProblem(agent: Record<string, unknown>): string | null {
  const present = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter(
    (key) => agent[key] !== undefined,
  );
  if (present.length !== 1) return 'must have exactly one of mbox, mbox_sha1sum, openid, account';
  if (
    agent.objectType !== undefined &&
    agent.objectType !== 'Agent' &&
    agent.objectType !== 'Group'
  ) {
    return 'objectType must be Agent or Group';
  }
  const { mbox, mbox_sha1sum: sha1, openid, account } = agent;
  if (mbox !== undefined && (typeof mbox !== 'string' || !/^mailto:\S+@\S+$/i.test(mbox))) {
    return 'mbox must be a mailto: IRI';
  }
  if (sha1 !== undefined && (typeof sha1 !== 'string' || !SHA1_HEX.test(sha1))) {
    return 'mbox_sha1sum must be 40 hex digits';
  }
  if (openid !== undefined && (typeof openid !== 'string' || !IRI.test(openid))) {
    return 'openid must be an absolute URI';
  }
  if (
    account !== undefined &&
    (!isObject(account) ||
      typeof account.homePage !== 'string' ||
      !IRI.test(account.homePage) ||
      typeof account.name !== 'string')
  ) {
    return 'account must have a homePage IRL and a name';
  }
  return null;
}

/** The `agent` parameter (JSON Agent or identified Group) in the store's identifier form. */
function agentIdentifier(raw: Raw, errors: Collector): string | undefined {
  const value = single(raw, 'agent', errors);
  if (value === undefined) return undefined;
  let agent: unknown;
  try {
    agent = JSON.parse(value);
  } catch {
    agent = undefined;
  }
  if (!isObject(agent)) {
    errors.add('agent', 'must be a JSON Agent or identified Group');
    return undefined;
  }
  const problem = identifierProblem(agent);
  if (problem !== null) {
    errors.add('agent', problem);
    return undefined;
  }
  return actorLearnerId(agent);
}

function limitOf(raw: Raw, errors: Collector): number {
  const value = single(raw, 'limit', errors);
  if (value === undefined) return MAX_PAGE_SIZE;
  if (!/^\d{1,9}$/.test(value)) {
    errors.add('limit', 'must be a nonnegative integer');
    return MAX_PAGE_SIZE;
  }
  const limit = Number(value);
  return limit === 0 ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE);
}

function presentationOf(raw: Raw, errors: Collector): Presentation {
  const format = single(raw, 'format', errors) ?? 'exact';
  if (format !== 'exact' && format !== 'ids' && format !== 'canonical') {
    errors.add('format', 'must be ids, exact or canonical');
  }
  return {
    format: format === 'ids' || format === 'canonical' ? format : 'exact',
    attachments: bool(raw, 'attachments', errors) ?? false,
  };
}

/** Refuses every given parameter but `allowed`, naming each. */
function onlyAlongside(raw: Raw, lead: string, errors: Collector): void {
  for (const param of Object.keys(raw)) {
    if (param !== lead && !PRESENTATION_PARAMS.has(param)) {
      errors.add(param, `must not be combined with ${lead}`);
    }
  }
}

function listFilters(raw: Raw, errors: Collector): Omit<StatementQueryFilters, 'authorityKey'> {
  const filters: Record<string, string | number | boolean | undefined> = {
    agent: agentIdentifier(raw, errors),
    verb: iri(raw, 'verb', errors),
    activity: iri(raw, 'activity', errors),
    registration: uuid(raw, 'registration', errors),
    relatedActivities: bool(raw, 'related_activities', errors),
    relatedAgents: bool(raw, 'related_agents', errors),
    since: timestamp(raw, 'since', errors),
    until: timestamp(raw, 'until', errors),
  };
  // Only what was given: the cursor carries these as they are.
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

export function parseStatementRequest(raw: Raw): ParsedStatementRequest {
  const errors = new Collector();
  for (const param of Object.keys(raw)) {
    if (!KNOWN_PARAMS.has(param)) errors.add(param, 'is not a parameter of this resource');
  }
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  const presentation = presentationOf(raw, errors);

  let request: StatementRequest | undefined;
  if (raw.statementId !== undefined && raw.voidedStatementId !== undefined) {
    errors.add('voidedStatementId', 'must not be combined with statementId');
  } else if (raw.statementId !== undefined || raw.voidedStatementId !== undefined) {
    const lead = raw.statementId !== undefined ? 'statementId' : 'voidedStatementId';
    onlyAlongside(raw, lead, errors);
    const statementId = uuid(raw, lead, errors);
    if (statementId !== undefined) {
      request = {
        kind: 'single',
        voided: lead === 'voidedStatementId',
        statementId,
        ...presentation,
      };
    }
  } else if (raw.more !== undefined) {
    onlyAlongside(raw, 'more', errors);
    const token = single(raw, 'more', errors);
    const cursor = token === undefined ? null : decodeCursor(token);
    if (cursor === null) errors.add('more', 'must be a more link this LRS returned');
    else request = { kind: 'more', cursor, ...presentation };
  } else {
    const filters = listFilters(raw, errors);
    const limit = limitOf(raw, errors);
    const ascending = bool(raw, 'ascending', errors) ?? false;
    request = { kind: 'list', filters, limit, ascending, ...presentation };
  }
  if (errors.errors.length > 0 || request === undefined) {
    return { ok: false, errors: errors.errors };
  }
  return { ok: true, request };
}
