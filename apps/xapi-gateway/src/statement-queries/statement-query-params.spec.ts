import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCursor } from '../store/statement-cursor';
import { MAX_PAGE_SIZE, parseStatementRequest } from './statement-query-params';

const ID = 'E05AA883-ACAF-40AD-BF54-02C8CE485FB0';

function errorsOf(raw: Record<string, unknown>) {
  const parsed = parseStatementRequest(raw);
  if (parsed.ok) throw new Error(`expected errors for ${JSON.stringify(raw)}`);
  return parsed.errors;
}

describe('parseStatementRequest', () => {
  it('reads a single statement request, with format and attachments only', () => {
    assert.deepEqual(parseStatementRequest({ statementId: ID, format: 'ids' }), {
      ok: true,
      request: {
        kind: 'single',
        voided: false,
        statementId: ID.toLowerCase(),
        format: 'ids',
        attachments: false,
      },
    });
    const voided = parseStatementRequest({ voidedStatementId: ID, attachments: 'true' });
    assert.ok(voided.ok && voided.request.kind === 'single' && voided.request.voided);
    assert.deepEqual(errorsOf({ statementId: ID, voidedStatementId: ID }), [
      { param: 'voidedStatementId', rule: 'must not be combined with statementId' },
    ]);
    assert.deepEqual(errorsOf({ statementId: ID, verb: 'http://v', limit: '1' }), [
      { param: 'verb', rule: 'must not be combined with statementId' },
      { param: 'limit', rule: 'must not be combined with statementId' },
    ]);
    assert.deepEqual(errorsOf({ statementId: 'nope' }), [
      { param: 'statementId', rule: 'must be a UUID' },
    ]);
  });

  it('turns list filters into store filters (agent as its identifier)', () => {
    const parsed = parseStatementRequest({
      agent: '{"objectType":"Agent","mbox":"mailto:ada@example.org"}',
      verb: 'http://adlnet.gov/expapi/verbs/passed',
      activity: 'https://lms.example/quiz',
      registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7',
      related_agents: 'true',
      related_activities: 'false',
      since: '2024-05-01T00:00:00Z',
      until: '2024-05-02T00:00:00.500+02:00',
      limit: '20',
      ascending: 'true',
      format: 'canonical',
    });
    assert.deepEqual(parsed, {
      ok: true,
      request: {
        kind: 'list',
        filters: {
          agent: 'mbox:mailto:ada@example.org',
          verb: 'http://adlnet.gov/expapi/verbs/passed',
          activity: 'https://lms.example/quiz',
          registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
          relatedAgents: true,
          relatedActivities: false,
          since: Date.UTC(2024, 4, 1),
          until: Date.UTC(2024, 4, 1, 22, 0, 0, 500),
        },
        limit: 20,
        ascending: true,
        format: 'canonical',
        attachments: false,
      },
    });
  });

  it('serves the server maximum for limit 0, none, or too many', () => {
    for (const limit of [undefined, '0', '100000']) {
      const parsed = parseStatementRequest(limit === undefined ? {} : { limit });
      assert.ok(parsed.ok && parsed.request.kind === 'list');
      assert.equal(parsed.request.limit, MAX_PAGE_SIZE);
    }
  });

  it('names every bad or unknown parameter', () => {
    assert.deepEqual(errorsOf({ actor: 'x', verb: 'http://v' }), [
      { param: 'actor', rule: 'is not a parameter of this resource' },
    ]);
    assert.deepEqual(
      errorsOf({
        agent: '{"name":"no identifier"}',
        verb: 'completed',
        registration: 'x',
        since: 'yesterday',
        limit: '-1',
        ascending: 'yes',
        format: 'full',
      }),
      [
        { param: 'format', rule: 'must be ids, exact or canonical' },
        { param: 'agent', rule: 'must have exactly one of mbox, mbox_sha1sum, openid, account' },
        { param: 'verb', rule: 'must be an absolute IRI' },
        { param: 'registration', rule: 'must be a UUID' },
        { param: 'since', rule: 'must be an ISO 8601 timestamp' },
        { param: 'limit', rule: 'must be a nonnegative integer' },
        { param: 'ascending', rule: 'must be true or false' },
      ],
    );
    assert.deepEqual(errorsOf({ agent: 'not json' }), [
      { param: 'agent', rule: 'must be a JSON Agent or identified Group' },
    ]);
    assert.deepEqual(errorsOf({ verb: ['http://a', 'http://b'] }), [
      { param: 'verb', rule: 'must be given once' },
    ]);
  });

  it('continues a listing from its more token, refusing other filters and forged tokens', () => {
    const cursor = {
      filters: { verb: 'http://v' },
      options: {
        limit: 2,
        ascending: false,
        bound: 5000,
        after: { stored: 4000, id: ID.toLowerCase() },
      },
    };
    const token = encodeCursor(cursor);
    assert.deepEqual(parseStatementRequest({ more: token, format: 'ids' }), {
      ok: true,
      request: { kind: 'more', cursor, format: 'ids', attachments: false },
    });
    assert.deepEqual(errorsOf({ more: token, verb: 'http://w' }), [
      { param: 'verb', rule: 'must not be combined with more' },
    ]);
    assert.deepEqual(errorsOf({ more: 'forged' }), [
      { param: 'more', rule: 'must be a more link this LRS returned' },
    ]);
  });
});
