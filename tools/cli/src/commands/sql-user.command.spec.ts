import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { sqlUserCreateCommand, sqlUserDropCommand } from './sql-user.command';

describe('learnpulse sql-user', () => {
  let saved: string | undefined;

  beforeEach(() => {
    saved = process.env.CLICKHOUSE_URL;
    delete process.env.CLICKHOUSE_URL;
  });

  afterEach(() => {
    if (saved !== undefined) process.env.CLICKHOUSE_URL = saved;
  });

  it('refuses the embedded engine, which has no users or row policies, pointing to POST /v1/sql', async () => {
    await assert.rejects(
      sqlUserCreateCommand({ tenant: 'demo' }),
      /needs a ClickHouse server.*POST \/v1\/sql/,
    );
    await assert.rejects(sqlUserDropCommand({ tenant: 'demo' }), /needs a ClickHouse server/);
  });

  it('refuses a tenant that is not a slug before it connects', async () => {
    process.env.CLICKHOUSE_URL = 'http://127.0.0.1:1';
    await assert.rejects(
      sqlUserCreateCommand({ tenant: "x'; DROP USER default; --" }),
      /--tenant: tenant must be a lowercase slug/,
    );
  });
});
