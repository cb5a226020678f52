import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlineInsertSettings } from './inline-insert-settings';

const httpOnly = (name: string): boolean => name === 'wait_end_of_query';

describe('inlineInsertSettings', () => {
  it('moves engine settings into a SETTINGS clause before FORMAT and keeps the others', () => {
    const { query, settings } = inlineInsertSettings(
      'INSERT INTO learning_events (a, b) FORMAT JSONEachRow',
      {
        insert_deduplicate: 1,
        async_insert: false,
        insert_deduplication_token: "g:t:0:0-9'x",
        wait_end_of_query: 1,
      },
      httpOnly,
    );
    assert.equal(
      query,
      "INSERT INTO learning_events (a, b) SETTINGS insert_deduplicate = 1, async_insert = 0, insert_deduplication_token = 'g:t:0:0-9\\'x' FORMAT JSONEachRow",
    );
    assert.deepEqual(settings, { wait_end_of_query: 1 });
  });

  it('leaves a query without a trailing FORMAT clause, or without settings to move, unchanged', () => {
    const select = inlineInsertSettings('INSERT INTO t SELECT 1', { readonly: 1 }, httpOnly);
    assert.deepEqual(select, { query: 'INSERT INTO t SELECT 1', settings: { readonly: 1 } });
    const none = inlineInsertSettings(
      'INSERT INTO t FORMAT CSV',
      { wait_end_of_query: 1 },
      httpOnly,
    );
    assert.deepEqual(none, {
      query: 'INSERT INTO t FORMAT CSV',
      settings: { wait_end_of_query: 1 },
    });
    assert.deepEqual(inlineInsertSettings('INSERT INTO t FORMAT CSV', undefined, httpOnly), {
      query: 'INSERT INTO t FORMAT CSV',
      settings: undefined,
    });
  });

  it('rejects a setting name that is not an identifier', () => {
    assert.throws(
      () => inlineInsertSettings('INSERT INTO t FORMAT CSV', { 'x; DROP': 1 }, httpOnly),
      /invalid setting name/,
    );
  });
});
