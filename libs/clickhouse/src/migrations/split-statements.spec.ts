import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitStatements } from './split-statements';

describe('splitStatements', () => {
  it('splits at semicolons that end statements, on their own line or not', () => {
    assert.deepEqual(
      splitStatements('CREATE TABLE a (x UInt8) ENGINE = Memory;\nSELECT 1\n;\nSELECT 2'),
      ['CREATE TABLE a (x UInt8) ENGINE = Memory', 'SELECT 1', 'SELECT 2'],
    );
  });

  it('keeps semicolons inside quotes, identifiers and comments', () => {
    const sql = [
      '-- header; with a semicolon',
      "CREATE TABLE t (x String COMMENT 'a; b', `we;ird` UInt8 COMMENT 'it''s; fine') ENGINE = Memory",
      "/* block; comment */ COMMENT 'x\\'; y'",
      ';',
    ].join('\n');
    const statements = splitStatements(sql);
    assert.equal(statements.length, 1);
    assert.match(statements[0]!, /COMMENT 'a; b'/);
    assert.match(statements[0]!, /`we;ird`/);
    assert.match(statements[0]!, /'it''s; fine'/);
    assert.match(statements[0]!, /'x\\'; y'/);
  });

  it('drops empty statements and ones that are only comments', () => {
    assert.deepEqual(splitStatements('\n;\n-- just a note\n;\n  /* x */ ;SELECT 1;'), ['SELECT 1']);
  });
});
