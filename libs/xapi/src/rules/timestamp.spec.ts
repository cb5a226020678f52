import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsOf, itChecksRules, statementWith, VERSIONS } from '../testing/rule-cases';

describe('timestamp and stored rules (Data 2.4.7, 2.4.8, 4.5)', () => {
  itChecksRules([
    {
      rule: 'timestamp is an ISO 8601 date-time',
      valid: statementWith({ timestamp: '2020-07-15T06:46:41.543562+00:00' }),
      invalid: statementWith({ timestamp: '01/011/2015' }),
      path: 'statement.timestamp',
    },
    {
      rule: 'timestamp names a real date',
      valid: statementWith({ timestamp: '2024-02-29T23:59:59Z' }),
      invalid: statementWith({ timestamp: '2023-02-29T00:00:00Z' }),
      path: 'statement.timestamp',
    },
    {
      rule: 'timestamp offset is never -00:00 (nor -00, -0000)',
      valid: statementWith({ timestamp: '2008-09-15T15:53:00.601+00:00' }),
      invalid: statementWith({ timestamp: '2008-09-15T15:53:00.601-00:00' }),
      path: 'statement.timestamp',
    },
    {
      rule: 'stored, when sent, is a timestamp too',
      valid: statementWith({ stored: '2024-05-01T12:00:00.123Z' }),
      invalid: statementWith({ stored: 'now' }),
      path: 'statement.stored',
    },
    {
      rule: 'under 2.0 a timestamp has a zone (RFC 3339)',
      valid: statementWith({ timestamp: '2008-09-15 15:53:00.601+00:00' }),
      invalid: statementWith({ timestamp: '2008-09-15T15:53:00.601' }),
      path: 'statement.timestamp',
      versions: ['2.0.0'],
    },
    {
      rule: 'under 2.0 a timestamp is in extended format with seconds',
      valid: statementWith({ timestamp: '2008-09-15T15:53:00Z' }),
      invalid: statementWith({ timestamp: '20080915T1553Z' }),
      path: 'statement.timestamp',
      versions: ['2.0.0'],
    },
  ]);

  it('refuses every negative-zero offset form in both versions', () => {
    for (const version of VERSIONS) {
      for (const timestamp of [
        '2008-09-15T15:53:00.601-00',
        '2008-09-15T15:53:00.601-0000',
        '2008-09-15T15:53:00.601-00:00',
      ]) {
        assert.equal(errorsOf(statementWith({ timestamp }), version).length, 1, timestamp);
      }
    }
  });

  it('accepts ISO 8601 basic format and zone-less timestamps under 1.0.3 (zone is a SHOULD)', () => {
    for (const timestamp of ['20080915T155300Z', '2008-09-15T15:53:00', '2008-09-15T15:53Z']) {
      assert.deepEqual(errorsOf(statementWith({ timestamp }), '1.0.3'), [], timestamp);
    }
  });
});
