import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  agentVerbKey,
  listStatementsQuery,
  STATEMENT_REF_DEPTH,
  statementsByIdsQuery,
} from './statement-query';

const bound = Date.UTC(2025, 0, 1);

describe('listStatementsQuery', () => {
  it('lists a tenant newest first within the snapshot bound, without voided statements', () => {
    const { query, params } = listStatementsQuery(
      'uni',
      {},
      { limit: 10, ascending: false, bound },
    );
    assert.match(query, /WHERE tenant = \{tenant:String\}/);
    assert.match(query, /stored <= fromUnixTimestamp64Milli\(\{bound:Int64\}, 'UTC'\)/);
    assert.match(
      query,
      /statement_id NOT IN \(SELECT voided_statement_id FROM xapi_voided_statements WHERE tenant = \{tenant:String\}\)/,
    );
    // The page's keys in key order, twice as many as the page for copies, then their bodies.
    assert.match(
      query,
      /\(SELECT stored, statement_id FROM xapi_statements WHERE tenant = .* ORDER BY stored DESC, statement_id DESC LIMIT \{keys:UInt32\}\)/,
    );
    assert.match(
      query,
      /FROM xapi_statement_bodies\nWHERE tenant_statement IN \(SELECT \(\{tenant:String\}, statement_id\) FROM/,
    );
    assert.match(
      query,
      /ORDER BY stored DESC, tenant_statement.statement_id DESC\nLIMIT \{limit:UInt32\}$/,
    );
    // Copies dropped from the keys read, never from the key range (LIMIT BY there would stop
    // ClickHouse reading in key order): one body read per statement of the page.
    assert.match(
      query,
      /LIMIT \{keys:UInt32\}\) ORDER BY stored DESC, statement_id DESC LIMIT 1 BY statement_id LIMIT \{limit:UInt32\}\)\n/,
    );
    assert.equal(query.match(/LIMIT 1 BY/g)?.length, 1);
    assert.doesNotMatch(query, /statement_ref_id/);
    assert.deepEqual(params, { tenant: 'uni', bound, limit: 11, keys: 22 });
  });

  it('passes every filter as a typed parameter, never in the SQL text', () => {
    const filters = {
      agent: "mbox:mailto:o'brien@example.org",
      verb: 'http://adlnet.gov/expapi/verbs/passed',
      activity: 'https://lms.example/quiz',
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      since: 1000,
      until: 2000,
      authorityKey: 'key-1',
    };
    const { query, params } = listStatementsQuery('uni', filters, {
      limit: 5,
      ascending: true,
      bound,
    });
    for (const value of Object.values(filters)) assert.ok(!query.includes(String(value)));
    // The most selective filter drives the page through the index, the others narrow it.
    assert.match(
      query,
      /FROM xapi_statement_keys WHERE tenant = \{tenant:String\} AND kind = 'registration' AND key = \{registration:String\} AND statement_id IN \(SELECT statement_id FROM xapi_statement_keys WHERE tenant = \{tenant:String\} AND kind = 'agent_verb'/,
    );
    // Agent and verb together are one range of their own (migration 0019).
    assert.match(query, /kind = 'agent_verb' AND key = \{agentVerb:String\}/);
    assert.doesNotMatch(query, /kind = 'agent' AND/);
    assert.doesNotMatch(query, /kind = 'verb' AND/);
    assert.match(query, /kind = 'activity' AND key = \{activity:String\}/);
    // The narrowing ranges are read within the listing's stored times only.
    assert.match(
      query,
      /kind = 'activity' AND key = \{activity:String\} AND stored <= fromUnixTimestamp64Milli\(\{bound:Int64\}, 'UTC'\) AND stored > fromUnixTimestamp64Milli\(\{since:Int64\}, 'UTC'\) AND stored <= fromUnixTimestamp64Milli\(\{until:Int64\}, 'UTC'\) AND statement_id IN/,
    );
    // Everything filtered comes from the index; the bodies are only read for the page.
    assert.equal(query.match(/FROM xapi_statement_bodies\b/g)?.length, 1);
    // xapi_statements is read only to test the few statements some StatementRef targets.
    const byReference =
      /FROM xapi_statements WHERE tenant = \{tenant:String\} AND statement_id IN \(SELECT toUUID\(key\) FROM xapi_statement_keys WHERE tenant = \{tenant:String\} AND kind = 'target'\)/g;
    assert.equal(query.match(/FROM xapi_statements\b/g)?.length, query.match(byReference)?.length);
    assert.match(query, /stored > fromUnixTimestamp64Milli\(\{since:Int64\}, 'UTC'\)/);
    assert.match(query, /stored <= fromUnixTimestamp64Milli\(\{until:Int64\}, 'UTC'\)/);
    assert.match(query, /authority_key = \{authorityKey:String\}/);
    assert.match(query, /ORDER BY stored ASC, statement_id ASC/);
    assert.deepEqual(params, {
      tenant: 'uni',
      bound,
      limit: 6,
      keys: 12,
      ...filters,
      agentVerb: agentVerbKey(filters.agent, filters.verb),
    });
  });

  it('reads agent and verb as one agent_verb range, whose key is the verb IRI, a space, the agent', () => {
    const agent = 'account:https://lms.example.edu|stu 1';
    const verb = 'http://adlnet.gov/expapi/verbs/completed';
    assert.equal(agentVerbKey(agent, verb), `${verb} ${agent}`);
    const { query, params } = listStatementsQuery(
      'uni',
      { agent, verb },
      { limit: 10, ascending: false, bound },
    );
    assert.match(
      query,
      /\(SELECT stored, statement_id FROM xapi_statement_keys WHERE tenant = \{tenant:String\} AND kind = 'agent_verb' AND key = \{agentVerb:String\} AND stored <=/,
    );
    assert.doesNotMatch(query, /kind = 'verb'/);
    assert.doesNotMatch(query, /kind = 'agent' /);
    assert.equal(params.agentVerb, `${verb} ${agent}`);
    // Statements matching through a StatementRef are tested on both columns.
    assert.match(query, /has\(agents, \{agent:String\}\) AND verb_id = \{verb:String\}/);
    // related_agents widens the agent: the verb then narrows as its own range.
    const related = listStatementsQuery(
      'uni',
      { agent, verb, relatedAgents: true },
      { limit: 10, ascending: false, bound },
    );
    assert.match(related.query, /kind = 'related_agent' AND key = \{agent:String\}/);
    assert.match(related.query, /kind = 'verb' AND key = \{verb:String\}/);
    assert.doesNotMatch(related.query, /agent_verb/);
    assert.equal(related.params.agentVerb, undefined);
  });

  it('uses the related columns when related_agents / related_activities are true', () => {
    const { query } = listStatementsQuery(
      'uni',
      {
        agent: 'mbox:mailto:a@b.c',
        activity: 'https://x',
        relatedAgents: true,
        relatedActivities: true,
      },
      { limit: 1, ascending: false, bound },
    );
    assert.match(query, /kind = 'related_agent' AND key = \{agent:String\}/);
    assert.match(query, /kind = 'related_activity' AND key = \{activity:String\}/);
    assert.doesNotMatch(query, /kind = 'agent'/);
    assert.doesNotMatch(query, /kind = 'activity'/);
  });

  it('lets statements targeting a match through StatementRefs match, to a fixed depth', () => {
    const { query } = listStatementsQuery(
      'uni',
      { verb: 'http://v' },
      { limit: 1, ascending: false, bound },
    );
    // Matches some StatementRef points at, then statements referencing those, and so on: the
    // deepest chain nests DEPTH - 1 lookups of references inside the final one.
    const nested =
      "kind = 'target' AND key IN (SELECT toString(statement_id) FROM xapi_statement_keys WHERE tenant = {tenant:String} AND ";
    const innermost =
      "kind = 'target' AND key IN (SELECT toString(statement_id) FROM xapi_statements WHERE tenant = {tenant:String} AND ";
    assert.ok(query.includes(nested.repeat(STATEMENT_REF_DEPTH - 2) + innermost));
    assert.ok(!query.includes(nested.repeat(STATEMENT_REF_DEPTH - 1)));
    // The referenced statements are tested on their own columns, as the index rows were made.
    assert.match(
      query,
      /statement_id IN \(SELECT toUUID\(key\) FROM xapi_statement_keys WHERE tenant = \{tenant:String\} AND kind = 'target'\) AND verb_id = \{verb:String\}/,
    );
    // Left out for a tenant known to hold no StatementRef statement.
    const plain = listStatementsQuery(
      'uni',
      { verb: 'http://v' },
      { limit: 1, ascending: false, bound },
      false,
    );
    assert.doesNotMatch(plain.query, /kind = 'target'/);
    assert.match(plain.query, /kind = 'verb' AND key = \{verb:String\}/);
    // Time filters apply to the returned statement only, not to its targets.
    const { query: timed } = listStatementsQuery(
      'uni',
      { verb: 'http://v', since: 5 },
      { limit: 1, ascending: false, bound },
    );
    // Once on the index page and once on the targeting statements, never inside the hops.
    assert.equal(timed.match(/\{since:Int64\}/g)?.length, 2);
    const targets = timed.slice(timed.indexOf('AND key IN ('), timed.lastIndexOf('AND stored <='));
    assert.doesNotMatch(targets, /\{since:Int64\}/);
  });

  it('continues after the last (stored, id) of the previous page in the page order', () => {
    const after = { stored: 1234, id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' };
    const desc = listStatementsQuery('uni', {}, { limit: 2, ascending: false, bound, after });
    assert.match(
      desc.query,
      /stored <= fromUnixTimestamp64Milli\(\{afterStored:Int64\}, 'UTC'\) AND \(stored < .* OR statement_id < \{afterId:UUID\}\)/,
    );
    assert.equal(desc.params.afterStored, 1234);
    assert.equal(desc.params.afterId, after.id);
    const asc = listStatementsQuery('uni', {}, { limit: 2, ascending: true, bound, after });
    assert.match(asc.query, /stored >= .* AND \(stored > .* OR statement_id > \{afterId:UUID\}\)/);
  });
});

describe('statementsByIdsQuery', () => {
  it('finds the statements of the tenant by key, with their voided state', () => {
    const { query, params } = statementsByIdsQuery('uni', [
      'E05AA883-ACAF-40AD-BF54-02C8CE485FB0',
      '1d5fa2b4-6a63-4e9c-9e4f-0a2b3c4d5e6f',
    ]);
    // Key reads of the bodies, never another tenant's key.
    assert.match(
      query,
      /FROM xapi_statement_bodies\nWHERE tenant_statement IN \(SELECT \(\{tenant:String\}, arrayJoin\(\{ids:Array\(UUID\)\}\)\)\)$/,
    );
    assert.match(query, /is_voiding = 1 AND voided_target_id IN \{ids:Array\(UUID\)\}/);
    assert.deepEqual(params, {
      tenant: 'uni',
      ids: ['e05aa883-acaf-40ad-bf54-02c8ce485fb0', '1d5fa2b4-6a63-4e9c-9e4f-0a2b3c4d5e6f'],
    });
  });
});
