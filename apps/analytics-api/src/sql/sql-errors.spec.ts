import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickHouseFailureOf, sqlErrorResponse } from './sql-errors';

function clickHouseError(code: string, type: string, message: string): Error {
  return Object.assign(new Error(message), { code, type });
}

describe('sql errors', () => {
  it('maps limit errors to 413 and 422, anything else of the query to 400', () => {
    const status = (type: string): number =>
      sqlErrorResponse({ code: '1', type, message: 'x' }).status;
    assert.equal(status('TOO_MANY_ROWS_OR_BYTES'), 413);
    assert.equal(status('TIMEOUT_EXCEEDED'), 422);
    assert.equal(status('MEMORY_LIMIT_EXCEEDED'), 422);
    assert.equal(status('READONLY'), 403);
    assert.equal(status('SYNTAX_ERROR'), 400);
    assert.equal(status('UNKNOWN_TABLE'), 400);
  });

  it('recognises only errors with a numeric ClickHouse code', () => {
    assert.deepEqual(clickHouseFailureOf(clickHouseError('62', 'SYNTAX_ERROR', ' bad ')), {
      code: '62',
      type: 'SYNTAX_ERROR',
      message: 'bad',
    });
    assert.equal(
      clickHouseFailureOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })),
      undefined,
    );
    assert.equal(clickHouseFailureOf('62'), undefined);
  });

  it('drops the scope of the formatting wrapper from a syntax error', () => {
    const message =
      "Syntax error (Multi-statements are not allowed): failed at position 9 (end of query): ; SELECT 2. : In scope SELECT formatQuerySingleLine('SELECT 1; SELECT 2') AS statement.";
    assert.equal(
      sqlErrorResponse({ code: '62', type: 'SYNTAX_ERROR', message }).message,
      'Syntax error (Multi-statements are not allowed): failed at position 9 (end of query): ; SELECT 2',
    );
  });
});
