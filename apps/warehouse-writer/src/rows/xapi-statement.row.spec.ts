import { type StoredStatementRecord } from '@learnpulse/events';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RowMappingError } from './row-mapping';
import { xapiStatementRow } from './xapi-statement.row';

const authority = {
  objectType: 'Agent',
  account: { homePage: 'https://lrs.example', name: 'uni' },
};

function record(statement: Record<string, unknown> = {}): StoredStatementRecord {
  return {
    tenant: 'uni-north',
    statementId: '6a1f5c0e-9b7d-4a53-8f1e-0c2d3b4a5e6f',
    stored: '2025-03-14T09:30:01.456Z',
    authority,
    version: '2.0.0',
    statement: {
      actor: { mbox: 'mailto:ada@example.org' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'https://lms.example.edu/course/bio-101' },
      timestamp: '2025-03-14T10:30:00.123+01:00',
      context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' },
      ...statement,
    },
  };
}

describe('xapiStatementRow', () => {
  it('extracts the query columns and keeps the full statement with what the LRS set', () => {
    const row = xapiStatementRow(record(), { partition: 2, offset: 7 });
    assert.deepEqual(
      { ...row, statement: undefined },
      {
        tenant: 'uni-north',
        statement_id: '6a1f5c0e-9b7d-4a53-8f1e-0c2d3b4a5e6f',
        verb_id: 'http://adlnet.gov/expapi/verbs/completed',
        actor: 'mbox:mailto:ada@example.org',
        object_id: 'https://lms.example.edu/course/bio-101',
        registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
        timestamp: '2025-03-14 09:30:00.123',
        stored: '2025-03-14 09:30:01.456',
        version: '2.0.0',
        statement: undefined,
        kafka_partition: 2,
        kafka_offset: 7,
        activity_id: 'https://lms.example.edu/course/bio-101',
        agents: ['mbox:mailto:ada@example.org'],
        related_agents: ['mbox:mailto:ada@example.org', 'account:https://lrs.example|uni'],
        related_activities: ['https://lms.example.edu/course/bio-101'],
        authority_key: '',
        statement_ref_id: null,
        is_voiding: 0,
        voided_target_id: null,
      },
    );
    const stored = JSON.parse(row.statement) as Record<string, unknown>;
    assert.equal(stored.id, '6a1f5c0e-9b7d-4a53-8f1e-0c2d3b4a5e6f');
    assert.equal(stored.stored, '2025-03-14T09:30:01.456Z');
    assert.deepEqual(stored.authority, authority);
    assert.equal(stored.version, '2.0.0');
  });

  it('uses the stored time when the statement has no timestamp, and null without a registration', () => {
    const row = xapiStatementRow(record({ timestamp: undefined, context: {} }), {
      partition: 0,
      offset: 0,
    });
    assert.equal(row.timestamp, '2025-03-14 09:30:01.456');
    assert.equal(row.registration, null);
  });

  it('writes an agent object as its identifier and a sub-statement as empty', () => {
    const agent = xapiStatementRow(
      record({ object: { objectType: 'Agent', account: { homePage: 'https://lms', name: '42' } } }),
      { partition: 0, offset: 0 },
    );
    assert.equal(agent.object_id, 'account:https://lms|42');
    const sub = xapiStatementRow(record({ object: { objectType: 'SubStatement' } }), {
      partition: 0,
      offset: 0,
    });
    assert.equal(sub.object_id, '');
  });

  it('refuses a statement it cannot store', () => {
    const position = { partition: 0, offset: 0 };
    assert.throws(() => xapiStatementRow(record({ verb: {} }), position), RowMappingError);
    assert.throws(
      () => xapiStatementRow(record({ timestamp: 'yesterday' }), position),
      /timestamp/,
    );
    assert.throws(
      () => xapiStatementRow(record({ context: { registration: 'x' } }), position),
      /registration/,
    );
    assert.throws(
      () => xapiStatementRow(record({ object: { objectType: 'StatementRef', id: 'x' } }), position),
      /StatementRef/,
    );
  });
});
