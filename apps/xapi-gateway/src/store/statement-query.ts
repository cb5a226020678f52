/**
 * The SQL of the statement store (tables of libs/clickhouse/migrations/0002, 0005, 0014 and 0015): pure
 * functions from filters to a parameterised query, so every filter has a unit test. Values only
 * ever travel as `{name:Type}` parameters.
 */

/** The xAPI GET filters, already validated and in store form. */
export interface StatementQueryFilters {
  /** Identifier in `actorLearnerId` form (e.g. `mbox:mailto:a@example.org`). */
  agent?: string;
  verb?: string;
  activity?: string;
  /** Lowercase UUID. */
  registration?: string;
  relatedActivities?: boolean;
  relatedAgents?: boolean;
  /** Stored after this time (exclusive), epoch ms. */
  since?: number;
  /** Stored at or before this time, epoch ms. */
  until?: number;
  /** statements/read/mine: only statements whose LRS authority is this credential key. */
  authorityKey?: string;
}

/** Where a page starts: after the last statement of the previous page, in the page order. */
export interface PagePosition {
  stored: number;
  id: string;
}

export interface StatementQueryOptions {
  /** Statements per page (already capped by the caller). */
  limit: number;
  ascending: boolean;
  /**
   * Upper bound on `stored` for every page of one listing (epoch ms): the consistent-through
   * time of the first page. Statements written later never slip into or between pages.
   */
  bound: number;
  after?: PagePosition;
}

export interface SqlQuery {
  query: string;
  params: Record<string, string | number | readonly string[]>;
}

/**
 * How many StatementRef hops a targeting statement may be away from the statement matching the
 * filters (xAPI "Filter Conditions for StatementRefs" is recursive; chains are short in practice).
 */
export const STATEMENT_REF_DEPTH = 3;

/** Ids of the tenant's statements that some StatementRef targets (their own rows in the index). */
const REFERENCED_IDS =
  "SELECT toUUID(key) FROM xapi_statement_keys WHERE tenant = {tenant:String} AND kind = 'target'";

const time = (param: string): string => `fromUnixTimestamp64Milli({${param}:Int64}, 'UTC')`;

const VOIDED_IDS =
  'SELECT voided_statement_id FROM xapi_voided_statements WHERE tenant = {tenant:String}';

/** A filter the inverted index xapi_statement_keys (migrations 0014, 0019) serves: its kind and value. */
interface KeyCondition {
  kind:
    | 'agent'
    | 'related_agent'
    | 'verb'
    | 'activity'
    | 'related_activity'
    | 'registration'
    | 'agent_verb';
  param: 'agent' | 'verb' | 'activity' | 'registration' | 'agentVerb';
}

/** The key of an agent_verb index row (migration 0019): the verb IRI, a space, the agent. */
export function agentVerbKey(agent: string, verb: string): string {
  return `${verb} ${agent}`;
}

/**
 * The agent_verb key of the filters: agent and verb together are one index range, unless
 * related_agents widens the agent. Undefined when they are not.
 */
function agentVerbKeyOf(filters: StatementQueryFilters): string | undefined {
  if (filters.agent === undefined || filters.verb === undefined) return undefined;
  return filters.relatedAgents === true ? undefined : agentVerbKey(filters.agent, filters.verb);
}

/**
 * The filters as index lookups, the usually most selective first: the first one drives the
 * page (one contiguous key range read newest first), the others narrow it.
 */
function keyConditions(filters: StatementQueryFilters): KeyCondition[] {
  const conditions: KeyCondition[] = [];
  if (filters.registration !== undefined) {
    conditions.push({ kind: 'registration', param: 'registration' });
  }
  const agentVerb = agentVerbKeyOf(filters) !== undefined;
  if (agentVerb) conditions.push({ kind: 'agent_verb', param: 'agentVerb' });
  else if (filters.agent !== undefined) {
    conditions.push({
      kind: filters.relatedAgents === true ? 'related_agent' : 'agent',
      param: 'agent',
    });
  }
  if (filters.activity !== undefined) {
    conditions.push({
      kind: filters.relatedActivities === true ? 'related_activity' : 'activity',
      param: 'activity',
    });
  }
  if (filters.verb !== undefined && !agentVerb) conditions.push({ kind: 'verb', param: 'verb' });
  return conditions;
}

/** True when the filters read the index (`xapi_statement_keys`) rather than the table alone. */
export function readsStatementIndex(filters: StatementQueryFilters): boolean {
  return keyConditions(filters).length > 0;
}

const keyRange = (condition: KeyCondition): string =>
  `tenant = {tenant:String} AND kind = '${condition.kind}' AND key = {${condition.param}:String}`;

/**
 * The statements meeting every condition, from the driving key range narrowed by the others.
 * Each narrowing range is read for the driving range's ids only: a frequent value (a verb)
 * would otherwise make a set of its whole range (agent + verb on 1M statements: 87 against
 * 108 ms median).
 */
function matching(conditions: readonly KeyCondition[], storedRange: readonly string[]): string[] {
  const [driving, ...narrowing] = conditions as [KeyCondition, ...KeyCondition[]];
  // Every row of a statement carries its stored time, so the listing's time range prunes the
  // narrowing ranges too (agent + verb + since on 1M statements: a verb range of a week, not
  // of the whole term).
  const within = (condition: KeyCondition): string =>
    [keyRange(condition), ...storedRange].join(' AND ');
  const drivingIds = `SELECT statement_id FROM xapi_statement_keys WHERE ${within(driving)}`;
  return [
    keyRange(driving),
    ...narrowing.map(
      (condition) =>
        `statement_id IN (SELECT statement_id FROM xapi_statement_keys WHERE ${within(condition)} ` +
        `AND statement_id IN (${drivingIds}))`,
    ),
  ];
}

/**
 * A condition on the xapi_statements columns the index rows of its kind come from (the
 * SELECT of xapi_statement_keys_mv, migration 0014), to test a handful of statements by id.
 */
function columnCondition(condition: KeyCondition): string {
  const value = `{${condition.param}:String}`;
  switch (condition.kind) {
    case 'agent':
      return `has(agents, ${value})`;
    case 'related_agent':
      return `has(related_agents, ${value})`;
    case 'verb':
      return `verb_id = ${value}`;
    case 'activity':
      return `activity_id = ${value}`;
    case 'related_activity':
      return `has(related_activities, ${value})`;
    case 'registration':
      return `toString(assumeNotNull(registration)) = ${value} AND isNotNull(registration)`;
    case 'agent_verb':
      return 'has(agents, {agent:String}) AND verb_id = {verb:String}';
  }
}

/**
 * The statements some StatementRef targets that meet every condition, in index key form. It
 * starts from the referenced ids (few) and tests their columns, rather than reading the
 * filters' key ranges: this set is used at every hop, and a narrowing filter as frequent as a
 * verb made each use build a set of its whole range (agent + verb: 1.0 s against 79 ms without
 * the StatementRef part, on 1M statements).
 */
function referencedMatches(conditions: readonly KeyCondition[]): string {
  return (
    `SELECT toString(statement_id) FROM xapi_statements WHERE tenant = {tenant:String} ` +
    `AND statement_id IN (${REFERENCED_IDS}) AND ${conditions.map(columnCondition).join(' AND ')}`
  );
}

/** Ids (in index key form) of the StatementRef statements that target one of `targets`. */
const referencing = (targets: string): string =>
  "SELECT toString(statement_id) FROM xapi_statement_keys WHERE tenant = {tenant:String} AND kind = 'target' " +
  `AND key IN (${targets})`;

function filterParams(filters: StatementQueryFilters): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (filters.verb !== undefined) params.verb = filters.verb;
  if (filters.agent !== undefined) params.agent = filters.agent;
  if (filters.activity !== undefined) params.activity = filters.activity;
  if (filters.registration !== undefined) params.registration = filters.registration;
  const agentVerb = agentVerbKeyOf(filters);
  if (agentVerb !== undefined) params.agentVerb = agentVerb;
  if (filters.since !== undefined) params.since = filters.since;
  if (filters.until !== undefined) params.until = filters.until;
  if (filters.authorityKey !== undefined) params.authorityKey = filters.authorityKey;
  return params;
}

/** The stored times a listing covers: up to its bound, and since / until. */
function storedRange(filters: StatementQueryFilters): string[] {
  const range = [`stored <= ${time('bound')}`];
  if (filters.since !== undefined) range.push(`stored > ${time('since')}`);
  if (filters.until !== undefined) range.push(`stored <= ${time('until')}`);
  return range;
}

/** Conditions a returned statement meets whatever the filters: the time window, mine, not voided. */
function pageConditions(filters: StatementQueryFilters, options: StatementQueryOptions): string[] {
  const where = ['tenant = {tenant:String}', ...storedRange(filters)];
  if (filters.authorityKey !== undefined) where.push('authority_key = {authorityKey:String}');
  if (options.after !== undefined) {
    // Spelled out instead of a tuple comparison so the primary key prunes.
    where.push(
      options.ascending
        ? `stored >= ${time('afterStored')} AND (stored > ${time('afterStored')} OR statement_id > {afterId:UUID})`
        : `stored <= ${time('afterStored')} AND (stored < ${time('afterStored')} OR statement_id < {afterId:UUID})`,
    );
  }
  where.push(`statement_id NOT IN (${VOIDED_IDS})`);
  return where;
}

/**
 * Which statements of a filtered listing may belong on the page, as (stored, statement_id):
 * the first keys of the driving filter's index range, and, when the tenant holds StatementRef
 * statements, the statements that match by targeting a match through up to
 * STATEMENT_REF_DEPTH StatementRefs (xAPI "Filter Conditions for StatementRefs"; targets match
 * voided or not). Both come from the index alone: a StatementRef's `target` row carries its
 * own stored time, id and authority.
 */
function filteredPageKeys(
  conditions: readonly KeyCondition[],
  page: readonly string[],
  range: readonly string[],
  order: string,
  references: boolean,
): string {
  const [, ...window] = page; // page[0] is the tenant, which every key range includes
  const driving =
    `(SELECT stored, statement_id FROM xapi_statement_keys WHERE ${[...matching(conditions, range), ...window].join(' AND ')} ` +
    `ORDER BY ${order} LIMIT {keys:UInt32})`;
  if (!references) return driving;
  // Matches that some StatementRef points at (few), then the chains of references to them.
  const targets = [referencedMatches(conditions)];
  while (targets.length < STATEMENT_REF_DEPTH) {
    targets.push(referencing(targets[targets.length - 1] as string));
  }
  const targeting = [
    "tenant = {tenant:String} AND kind = 'target'",
    `key IN (${targets.join(' UNION ALL ')})`,
    ...window,
  ];
  return `${driving} UNION ALL (SELECT stored, statement_id FROM xapi_statement_keys WHERE ${targeting.join(' AND ')})`;
}

/**
 * Keys read per page: twice the page. Copies of a statement re-delivered beyond the insert
 * dedup window have adjacent keys but one body, so a page still fills unless more than half
 * of its keys are copies. (DISTINCT on the key range would drop them too, but it stops
 * ClickHouse reading the range in order: 103 against 17 ms for the newest page of 1M
 * statements; the copies are dropped from the keys read instead.)
 */
const KEYS_PER_PAGE_ROW = 2;

/**
 * One page of a statement listing, newest first unless ascending, never a voided statement.
 * Selects `limit + 1` rows so the caller knows whether another page exists.
 *
 * The page's keys come from the primary key of xapi_statements (no filter) or from the
 * filter index; their JSON is then read from xapi_statement_bodies by key (migration 0016).
 * A filtered page is scattered over the store: ~100 point reads there, against ~100 granules
 * of statement text and an index analysis of the key set in a MergeTree.
 *
 * `references: false` leaves out the StatementRef part of a filtered listing: only for a
 * tenant known to hold no StatementRef statement up to the page's bound (see
 * statement-ref-tenants.ts), where it can match nothing and costs most of the query.
 */
export function listStatementsQuery(
  tenant: string,
  filters: StatementQueryFilters,
  options: StatementQueryOptions,
  references = true,
): SqlQuery {
  const direction = options.ascending ? 'ASC' : 'DESC';
  const order = `stored ${direction}, statement_id ${direction}`;
  const page = pageConditions(filters, options);
  const conditions = keyConditions(filters);
  const pageKeys =
    conditions.length === 0
      ? `SELECT stored, statement_id FROM xapi_statements WHERE ${page.join(' AND ')} ` +
        `ORDER BY ${order} LIMIT {keys:UInt32}`
      : `SELECT stored, statement_id FROM (${filteredPageKeys(conditions, page, storedRange(filters), order, references)}) ` +
        `ORDER BY ${order} LIMIT {keys:UInt32}`;

  const params: Record<string, string | number> = {
    tenant,
    bound: options.bound,
    limit: options.limit + 1,
    keys: (options.limit + 1) * KEYS_PER_PAGE_ROW,
    ...filterParams(filters),
  };
  if (options.after !== undefined) {
    params.afterStored = options.after.stored;
    params.afterId = options.after.id;
  }
  return {
    query:
      'SELECT toString(tenant_statement.statement_id) AS statement_id,\n' +
      '  toUnixTimestamp64Milli(stored) AS stored_ms, statement\n' +
      'FROM xapi_statement_bodies\n' +
      // The page's own keys only: a copy's key names the body of its original, and reading
      // the ~100 extra bodies cost ~4 of ~22 ms for the newest page of 1M statements. LIMIT BY
      // runs on the key set already cut to its LIMIT, so the key range is still read in order.
      `WHERE tenant_statement IN (SELECT ({tenant:String}, statement_id) FROM (${pageKeys}) ` +
      `ORDER BY ${order} LIMIT 1 BY statement_id LIMIT {limit:UInt32})\n` +
      `ORDER BY stored ${direction}, tenant_statement.statement_id ${direction}\n` +
      'LIMIT {limit:UInt32}',
    params,
  };
}

/**
 * Statements of the tenant by id (one row per id), with their voided state. One query for a
 * whole POSTed batch: the gateway checks every client-chosen id at once.
 */
export function statementsByIdsQuery(tenant: string, statementIds: readonly string[]): SqlQuery {
  return {
    query:
      'SELECT toString(tenant_statement.statement_id) AS statement_id, statement, is_voiding, voided_target_id,\n' +
      // From the voiding statements themselves, not xapi_voided_statements: a view's rows land
      // after its source's, so a voiding statement already readable could leave its target
      // readable for a moment.
      '  tenant_statement.statement_id IN (SELECT assumeNotNull(voided_target_id) FROM xapi_statements\n' +
      '   WHERE tenant = {tenant:String} AND is_voiding = 1 AND voided_target_id IN {ids:Array(UUID)}) AS voided\n' +
      'FROM xapi_statement_bodies\n' +
      'WHERE tenant_statement IN (SELECT ({tenant:String}, arrayJoin({ids:Array(UUID)})))',
    params: { tenant, ids: statementIds.map((id) => id.toLowerCase()) },
  };
}
