import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TENANT_READABLE_TABLES } from '../src';
import { startAnalyticsTestApp, type AnalyticsTestApp } from './analytics-test-app';
import { courseEvents, insertRisks } from './report-fixtures';

// dist/test -> the repository root.
const DOC = path.resolve(__dirname, '../../../../docs/warehouse.md');

/** The queries of the ```sql blocks; a block may hold several, each ending in `;` at a line end. */
function sqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sql\n([\s\S]*?)```/g)]
    .flatMap((match) => (match[1] ?? '').split(/;[ \t]*(?:\n|$)/))
    .filter((sql) => sql.replace(/--.*$/gm, '').trim().length > 0);
}

describe('docs/warehouse.md', () => {
  let t: AnalyticsTestApp;
  const markdown = readFileSync(DOC, 'utf8');
  const blocks = sqlBlocks(markdown);

  before(async () => {
    t = await startAnalyticsTestApp();
    const [a, b] = t.tenants;
    await t.insertEvents(courseEvents(a.tenant, b.tenant));
    await insertRisks(t, [
      {
        tenant: a.tenant,
        learner: 'ann',
        score: 0.82,
        level: 'high',
        asOf: '2025-03-06T00:00:00Z',
      },
      {
        tenant: b.tenant,
        learner: 'zed',
        score: 0.99,
        level: 'high',
        asOf: '2025-03-06T00:00:00Z',
      },
    ]);
  });

  after(async () => {
    await t.close();
  });

  it('describes every table a tenant may read, each with an example query', () => {
    for (const table of TENANT_READABLE_TABLES) {
      assert.match(markdown, new RegExp(`### .*\`${table}\``), `${table} has no section`);
      assert.ok(
        blocks.some((sql) => new RegExp(`\\b${table}\\b`).test(sql)),
        `${table} has no example query`,
      );
    }
  });

  it('every example query runs through POST /v1/sql, over the caller tenant only', async () => {
    assert.ok(blocks.length >= TENANT_READABLE_TABLES.length - 2);
    for (const sql of blocks) {
      const response = await fetch(`${t.baseUrl}/v1/sql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: t.tenants[0].authorization },
        body: sql,
      });
      const text = await response.text();
      assert.equal(response.status, 200, `${sql}\n${text}`);
      assert.doesNotMatch(text, /zed/, sql);
    }
  });
});
