import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SchemaDecodeError, SchemaEncodeError } from './schema-errors';
import {
  decodeStoredStatement,
  encodeStoredStatement,
  encodeStoredStatementWithJson,
  type StoredStatementRecord,
} from './stored-statement';

const STATEMENT_ID = '6690e6c9-3ef0-4ed3-8b37-7f3964730bee';

function sampleRecord(overrides: Partial<StoredStatementRecord> = {}): StoredStatementRecord {
  return {
    tenant: 'uni-north',
    statementId: STATEMENT_ID,
    stored: '2025-03-14T09:30:01.456Z',
    authority: { objectType: 'Agent', account: { homePage: 'https://lms', name: 'key-1' } },
    version: '2.0.0',
    statement: {
      id: STATEMENT_ID,
      actor: { mbox: 'mailto:learner@example.edu' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'https://lms.example.edu/activities/quiz-3' },
    },
    ...overrides,
  };
}

function decodeFailure(json: unknown): SchemaDecodeError {
  try {
    decodeStoredStatement(Buffer.from(JSON.stringify(json)));
  } catch (error) {
    assert.ok(error instanceof SchemaDecodeError);
    return error;
  }
  assert.fail('decode accepted an invalid record');
}

describe('xapi.statements.v1 stored statement', () => {
  it('round-trips a record as JSON', () => {
    const record = sampleRecord();
    const buf = encodeStoredStatement(record);
    assert.deepStrictEqual(JSON.parse(buf.toString('utf8')), record);
    assert.deepStrictEqual(decodeStoredStatement(buf), record);
  });

  it('gives the same bytes from the statement JSON made already', () => {
    const record = sampleRecord();
    assert.deepEqual(
      encodeStoredStatementWithJson(record, JSON.stringify(record.statement)),
      encodeStoredStatement(record),
    );
    assert.throws(
      () => encodeStoredStatementWithJson({ ...record, tenant: '' }, '{}'),
      SchemaEncodeError,
    );
  });

  it('accepts a stored time with an offset and an xAPI 1.0 version', () => {
    const record = sampleRecord({ stored: '2025-03-14T10:30:01+01:00', version: '1.0.3' });
    assert.deepStrictEqual(decodeStoredStatement(encodeStoredStatement(record)), record);
  });

  it('names the field that breaks a rule', () => {
    const cases: [Partial<Record<keyof StoredStatementRecord, unknown>>, string][] = [
      [{ statementId: 'not-a-uuid' }, 'statementId'],
      [{ stored: '14/03/2025' }, 'stored'],
      [{ tenant: '' }, 'tenant'],
      [{ version: 'two' }, 'version'],
      [{ authority: 'key-1' }, 'authority'],
      [{ statement: [] }, 'statement'],
    ];
    for (const [override, field] of cases) {
      const error = decodeFailure({ ...sampleRecord(), ...override });
      assert.equal(error.field, field, JSON.stringify(override));
      assert.match(error.message, new RegExp(`^invalid xapi.statements.v1 value: ${field}: `));
    }
  });

  it('names a missing field', () => {
    const record: Partial<StoredStatementRecord> = sampleRecord();
    delete record.stored;
    assert.equal(decodeFailure(record).field, 'stored');
  });

  it("rejects a statement whose id differs from the record's statementId", () => {
    const error = decodeFailure(
      sampleRecord({ statement: { id: '0e2b3a8c-2f55-4a54-9d1e-1c0c2b9c8a11' } }),
    );
    assert.equal(error.field, 'statement.id');
  });

  it('rejects bytes that are not JSON', () => {
    assert.throws(
      () => decodeStoredStatement(Buffer.from('{"tenant":')),
      (error: unknown) => error instanceof SchemaDecodeError && /not JSON/.test(error.message),
    );
  });

  it('refuses to encode an invalid record, naming the field', () => {
    assert.throws(
      () => encodeStoredStatement(sampleRecord({ statementId: 'x' })),
      (error: unknown) => error instanceof SchemaEncodeError && error.field === 'statementId',
    );
  });
});
