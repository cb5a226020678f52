import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dropTenantSqlUserStatements,
  quoteIdentifier,
  tenantSqlUserName,
  tenantSqlUserStatements,
} from './tenant-sql-user';

const HASH = 'a'.repeat(64);
const LIMITS = {
  maxExecutionSeconds: 30,
  maxMemoryBytes: 1073741824,
  maxResultRows: 1000000,
  maxResultBytes: 67108864,
};

describe('tenantSqlUserStatements', () => {
  const statements = tenantSqlUserStatements({
    tenant: 'uni-a',
    database: 'learnpulse',
    passwordSha256Hex: HASH,
    tables: ['learning_events', 'course_daily_activity'],
    limits: LIMITS,
  });

  it('creates a read-only user with the SQL limits, identified by the password hash only', () => {
    assert.equal(
      statements[0],
      "CREATE USER OR REPLACE `lp_sql_uni-a` IDENTIFIED WITH sha256_hash BY '" +
        HASH +
        "' DEFAULT DATABASE `learnpulse` SETTINGS readonly = 1, max_execution_time = 30, max_memory_usage = 1073741824, max_result_rows = 1000000, max_result_bytes = 67108864, result_overflow_mode = 'throw'",
    );
  });

  it('grants SELECT per readable table with a restrictive tenant policy, keeping all rows for others', () => {
    assert.deepEqual(statements.slice(1, 4), [
      'GRANT SELECT ON `learnpulse`.`learning_events` TO `lp_sql_uni-a`',
      'CREATE ROW POLICY IF NOT EXISTS `learnpulse_all_rows` ON `learnpulse`.`learning_events` FOR SELECT USING 1 AS PERMISSIVE TO ALL',
      "CREATE ROW POLICY OR REPLACE `lp_sql_uni-a` ON `learnpulse`.`learning_events` FOR SELECT USING tenant = 'uni-a' AS RESTRICTIVE TO `lp_sql_uni-a`",
    ]);
    assert.equal(statements.length, 1 + 2 * 3);
    assert.ok(statements.every((statement) => !statement.includes('*')));
  });

  it('quotes names and refuses anything but a SHA-256 hex digest as the password', () => {
    assert.equal(quoteIdentifier('a`b'), '`a\\`b`');
    assert.equal(tenantSqlUserName('demo'), 'lp_sql_demo');
    assert.throws(
      () =>
        tenantSqlUserStatements({
          tenant: 'demo',
          database: 'learnpulse',
          passwordSha256Hex: 'plain-password',
          tables: [],
          limits: LIMITS,
        }),
      /64 lower-case hex digits/,
    );
  });

  it('drops the policies, then the user', () => {
    assert.deepEqual(dropTenantSqlUserStatements('demo', 'learnpulse', ['learning_events']), [
      'DROP ROW POLICY IF EXISTS `lp_sql_demo` ON `learnpulse`.`learning_events`',
      'DROP USER IF EXISTS `lp_sql_demo`',
    ]);
  });
});
