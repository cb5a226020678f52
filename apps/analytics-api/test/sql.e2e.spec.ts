import { basicAuthHeader } from '@learnpulse/auth';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  dropTenantSqlUserStatements,
  TENANT_READABLE_TABLES,
  TENANT_UNREADABLE_TABLES,
  tenantSqlUserStatements,
} from '../src';
import { learningEvent, startAnalyticsTestApp, type AnalyticsTestApp } from './analytics-test-app';

const DATA101 = 'https://lms.example.edu/course/DATA101';
const MAX_RESULT_ROWS = 50;

interface ErrorBody {
  statusCode: number;
  message: string;
}

describe('POST /v1/sql', () => {
  let t: AnalyticsTestApp;
  let scratch: string;

  const post = async (
    sql: string,
    options: { format?: string; authorization?: string | null; contentType?: string } = {},
  ): Promise<Response> => {
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'text/plain',
    };
    const authorization =
      options.authorization === undefined ? t.tenants[0].authorization : options.authorization;
    if (authorization !== null) headers.authorization = authorization;
    const query = options.format === undefined ? '' : `?format=${options.format}`;
    return fetch(`${t.baseUrl}/v1/sql${query}`, { method: 'POST', headers, body: sql });
  };
  const rows = async (sql: string, authorization?: string): Promise<Record<string, unknown>[]> => {
    const response = await post(sql, { authorization });
    const text = await response.text();
    assert.equal(response.status, 200, `${sql}\n${text}`);
    return text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  const refused = async (sql: string, status: number, reason: RegExp): Promise<void> => {
    const response = await post(sql);
    const body = (await response.json()) as ErrorBody;
    assert.equal(response.status, status, `${sql}\n${JSON.stringify(body)}`);
    assert.match(body.message, reason, sql);
  };

  before(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'learnpulse-sql-'));
    t = await startAnalyticsTestApp({ ANALYTICS_SQL_MAX_RESULT_ROWS: String(MAX_RESULT_ROWS) });
    const [a, b] = t.tenants;
    await t.insertEvents([
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-03T09:00:00.000Z'),
      learningEvent(a.tenant, DATA101, 'bob', '2025-03-03T10:00:00.000Z'),
      learningEvent(a.tenant, DATA101, 'ann', '2025-03-04T09:00:00.000Z'),
      learningEvent(b.tenant, DATA101, 'zed', '2025-03-03T09:00:00.000Z'),
      learningEvent(b.tenant, DATA101, 'yan', '2025-03-03T11:00:00.000Z'),
      learningEvent(b.tenant, DATA101, 'xia', '2025-03-05T11:00:00.000Z'),
      learningEvent(b.tenant, DATA101, 'wim', '2025-03-05T12:00:00.000Z'),
    ]);
  });

  after(async () => {
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("answers a tenant's query with its own rows only, as JSONEachRow by default", async () => {
    const [a, b] = t.tenants;
    assert.deepEqual(
      await rows(
        'SELECT learner_id, count() AS n FROM learning_events GROUP BY learner_id ORDER BY learner_id',
      ),
      [
        { learner_id: 'ann', n: '2' },
        { learner_id: 'bob', n: '1' },
      ],
    );
    assert.deepEqual(
      await rows('SELECT count() AS n FROM learnpulse.learning_events', b.authorization),
      [{ n: '4' }],
    );
    assert.deepEqual(await rows('SELECT DISTINCT tenant FROM learnpulse.`learning_events` AS e'), [
      { tenant: a.tenant },
    ]);
    // Naming the other tenant only narrows further: the filter is ANDed, never replaced.
    assert.deepEqual(
      await rows(`SELECT count() AS n FROM learning_events WHERE tenant = '${b.tenant}' OR 1 = 1`),
      [{ n: '3' }],
    );
  });

  it('filters every readable table, rollups included, by the tenant', async () => {
    const [a] = t.tenants;
    for (const table of TENANT_READABLE_TABLES) {
      const seen = await rows(`SELECT DISTINCT tenant FROM ${table}`);
      assert.ok(
        seen.every((row) => row.tenant === a.tenant),
        `${table} showed ${JSON.stringify(seen)}`,
      );
    }
    assert.deepEqual(
      await rows(
        "SELECT learner_id, sum(events) AS n FROM learner_daily_activity WHERE day = '2025-03-03' GROUP BY learner_id ORDER BY learner_id",
      ),
      [
        { learner_id: 'ann', n: '1' },
        { learner_id: 'bob', n: '1' },
      ],
    );
  });

  it('filters subqueries, CTEs, unions and joins between readable tables', async () => {
    const count = async (sql: string): Promise<unknown> => (await rows(sql))[0]?.n;
    assert.equal(
      await count('SELECT count() AS n FROM (SELECT * FROM learnpulse.learning_events)'),
      '3',
    );
    assert.equal(
      await count('WITH e AS (SELECT * FROM learning_events) SELECT count() AS n FROM e'),
      '3',
    );
    assert.equal(
      await count(
        'SELECT count() AS n FROM learning_events WHERE learner_id IN (SELECT learner_id FROM learner_daily_activity)',
      ),
      '3',
    );
    assert.equal(
      await count(
        'SELECT count() AS n FROM (SELECT learner_id FROM learning_events UNION ALL SELECT learner_id FROM learner_daily_activity)',
      ),
      '6',
    );
    assert.equal(
      await count(
        'SELECT count() AS n FROM learning_events AS e INNER JOIN course_daily_activity AS c ON e.course_id = c.course_id',
      ),
      // 3 events x 2 course days of tenant A.
      '6',
    );
    // A comment cannot hide a second statement, and the table is still there afterwards.
    assert.equal(
      await count('SELECT count() AS n FROM learning_events -- ; DROP TABLE learning_events'),
      '3',
    );
    assert.equal(await count('SELECT count() AS n FROM learning_events'), '3');
  });

  it('refuses every way out of the tenant filter, naming the reason', async () => {
    const cases: [string, number, RegExp][] = [
      [
        "SELECT count() FROM merge('learnpulse', '^learning_events$')",
        403,
        /table functions are not allowed: merge/,
      ],
      ["SELECT count() FROM/**/merge('learnpulse', '^learning')", 403, /table functions.*merge/],
      ["SELECT count() FROM `merge`('learnpulse', '^learning')", 403, /table functions.*merge/],
      [
        "SELECT count() FROM remote('127.0.0.1', learnpulse.learning_events)",
        403,
        /table functions.*remote/,
      ],
      [
        "SELECT count() FROM cluster('default', learnpulse.learning_events)",
        403,
        /table functions.*cluster/,
      ],
      ["SELECT * FROM file('/etc/passwd', 'LineAsString')", 403, /table functions.*file/],
      ["SELECT * FROM url('http://127.0.0.1:9/x', 'CSV', 'a String')", 403, /table functions.*url/],
      ["SELECT * FROM input('a String')", 403, /table functions.*input/],
      ['SELECT * FROM numbers(3)', 403, /table functions.*numbers/],
      ['SELECT count() FROM view(SELECT * FROM learning_events)', 403, /table functions.*view/],
      ["SELECT file('/etc/hostname')", 403, /function file\(\) is not allowed/],
      ["SELECT FILE('/etc/hostname')", 403, /function FILE\(\) is not allowed/],
      ["SELECT dictGet('learnpulse.d', 'x', toUInt64(1))", 403, /function dictGet\(\)/],
      ["SELECT joinGet('learnpulse.j', 'x', 1)", 403, /function joinGet\(\)/],
      ["SELECT getSetting('additional_table_filters')", 403, /function getSetting\(\)/],
      ['SELECT count() FROM system.tables', 403, /only tables of the learnpulse database/],
      ['SELECT * FROM system.one', 403, /only tables of the learnpulse database/],
      ['SELECT * FROM `system`.`numbers` LIMIT 1', 403, /only tables of the learnpulse database/],
      ['SELECT * FROM information_schema.tables', 403, /only tables of the learnpulse database/],
      ['SELECT * FROM default.learning_events', 403, /only tables of the learnpulse database/],
      [
        'SELECT * FROM learnpulse.sink_offsets',
        403,
        /table learnpulse.sink_offsets is not readable/,
      ],
      ['SELECT * FROM schema_migrations', 403, /table schema_migrations is not readable/],
      [
        'SELECT count() FROM course_daily_activity_mv',
        403,
        /course_daily_activity_mv is not readable/,
      ],
      ['SELECT count() FROM learnpulse.learner_risk_latest_mv', 403, /is not readable/],
      ['SELECT * FROM xapi_attachments', 403, /xapi_attachments is not readable/],
      [
        'WITH sink_offsets AS (SELECT 1) SELECT * FROM sink_offsets',
        403,
        /sink_offsets is not readable/,
      ],
      [
        "WITH x AS (SELECT * FROM merge('learnpulse', '^learning')) SELECT count() FROM x",
        403,
        /table functions.*merge/,
      ],
      [
        "SELECT count() FROM learning_events WHERE learner_id IN (SELECT learner_id FROM merge('learnpulse', '^learning'))",
        403,
        /table functions.*merge/,
      ],
      [
        "SELECT count() FROM learning_events UNION ALL SELECT count() FROM merge('learnpulse', '^learning')",
        403,
        /table functions.*merge/,
      ],
      [
        'SELECT count() FROM learning_events AS e INNER JOIN system.tables AS s ON 1',
        403,
        /only tables of the learnpulse database/,
      ],
      [
        'SELECT count() FROM learning_events WHERE tenant IN learning_events',
        403,
        /IN needs a subquery/,
      ],
      [
        'SELECT count() FROM learning_events WHERE 1 SETTINGS additional_table_filters = {}',
        403,
        /SETTINGS/,
      ],
      [
        'SELECT count() FROM (SELECT * FROM learning_events SETTINGS max_threads = 1)',
        403,
        /SETTINGS/,
      ],
      ['SELECT count() FROM learning_events FORMAT CSV', 403, /FORMAT clause/],
      [
        "INSERT INTO learning_events (tenant) VALUES ('x')",
        403,
        /only a SELECT statement is allowed, not INSERT/,
      ],
      ['ALTER TABLE learning_events DELETE WHERE 1', 403, /not ALTER/],
      ['CREATE TABLE evil (a String) ENGINE = Memory', 403, /not CREATE/],
      ['DROP TABLE learning_events', 403, /not DROP/],
      ['TRUNCATE TABLE learning_events', 403, /only a SELECT statement is allowed/],
      ['SET readonly = 0', 403, /only a SELECT statement is allowed/],
      ['SHOW TABLES', 403, /only a SELECT statement is allowed/],
      ['EXPLAIN SELECT 1', 403, /only a SELECT statement is allowed/],
      [
        "SELECT 1; SELECT count() FROM merge('learnpulse', '^learning')",
        400,
        /Multi-statements are not allowed/,
      ],
      ['SELECT 1; DROP TABLE learning_events', 400, /Multi-statements are not allowed/],
      ['SELECT 1；SELECT 2', 400, /Syntax error/],
      ["SELECT count() FROM ｍerge('learnpulse', '^learning')", 400, /Syntax error/],
      [
        'SELECT count() FROM learning_events WHERE tenant IN (SELECT tenant FROM loop(learnpulse.learning_events) LIMIT 1)',
        403,
        /table functions are not allowed: loop/,
      ],
      ['DESCRIBE TABLE learnpulse.sink_offsets', 403, /not DESCRIBE/],
      ['SELECT * FROM learnpulse.`.inner_id.x`', 403, /plain identifiers/],
      ['SELECT {tenant:String}', 400, /Substitution `tenant` is not set/],
      ['SELEC 1', 400, /Syntax error/],
      ['SELECT nope FROM learning_events', 400, /nope/],
      ['   ', 400, /must hold a SQL query/],
    ];
    for (const [sql, status, reason] of cases) await refused(sql, status, reason);
    assert.equal((await rows('SELECT count() AS n FROM learning_events'))[0]?.n, '3');
  });

  it('refuses INTO OUTFILE before it writes anything', async () => {
    const target = path.join(scratch, 'leak.csv');
    await refused(`SELECT * FROM learning_events INTO OUTFILE '${target}'`, 403, /INTO OUTFILE/);
    assert.equal(existsSync(target), false);
  });

  it('answers CSV and TSV with a header row, and Parquet', async () => {
    const sql =
      'SELECT learner_id, count() AS n FROM learning_events GROUP BY learner_id ORDER BY learner_id';
    const csv = await post(sql, { format: 'CSV' });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(await csv.text(), '"learner_id","n"\n"ann",2\n"bob",1\n');
    const tsv = await post(sql, { format: 'TSV' });
    assert.match(tsv.headers.get('content-type') ?? '', /^text\/tab-separated-values/);
    assert.equal(await tsv.text(), 'learner_id\tn\nann\t2\nbob\t1\n');
    const parquet = await post(sql, { format: 'Parquet' });
    assert.equal(parquet.headers.get('content-type'), 'application/vnd.apache.parquet');
    const bytes = Buffer.from(await parquet.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PAR1');
    assert.equal(bytes.subarray(-4).toString('latin1'), 'PAR1');
    assert.ok(bytes.includes(Buffer.from('learner_id')));
  });

  it('stops a result larger than the limit with 413', async () => {
    await refused(
      `SELECT learner_id FROM learning_events ARRAY JOIN range(${MAX_RESULT_ROWS}) AS i`,
      413,
      /Limit for result exceeded/,
    );
  });

  it('answers 400 for an unknown format or parameter, 415 for a body that is not text/plain', async () => {
    const xml = await post('SELECT 1', { format: 'XML' });
    assert.equal(xml.status, 400);
    assert.match(
      ((await xml.json()) as ErrorBody).message,
      /^format: must be one of JSONEachRow, CSV, TSV, Parquet/,
    );
    const json = await post('{"sql":"SELECT 1"}', { contentType: 'application/json' });
    assert.equal(json.status, 415);
  });

  it('answers 401 without valid credentials, before looking at the query', async () => {
    const [a] = t.tenants;
    assert.equal((await post('SELECT 1', { authorization: null })).status, 401);
    assert.equal(
      (await post('SELECT 1', { authorization: t.writeOnly.authorization })).status,
      403,
    );
    assert.equal(
      (
        await post('DROP TABLE learning_events', {
          authorization: basicAuthHeader(a.key, 'wrong-secret'),
        })
      ).status,
      401,
    );
  });

  it('has decided for every table of the database whether tenants may read it', async () => {
    const result = await t.clickhouse.query({
      query: `SELECT name, engine,
                     name IN (SELECT table FROM system.columns
                              WHERE database = currentDatabase() AND name = 'tenant') AS has_tenant
              FROM system.tables WHERE database = currentDatabase()`,
      format: 'JSONEachRow',
    });
    const tables = await result.json<{ name: string; engine: string; has_tenant: number }>();
    const undecided = tables.filter(
      (table) =>
        table.engine !== 'MaterializedView' &&
        !TENANT_READABLE_TABLES.includes(table.name) &&
        !(table.name in TENANT_UNREADABLE_TABLES),
    );
    assert.deepEqual(undecided, []);
    for (const name of TENANT_READABLE_TABLES) {
      const table = tables.find((candidate) => candidate.name === name);
      assert.ok(table !== undefined, `${name} does not exist`);
      assert.ok(Boolean(table.has_tenant), `${name} has no tenant column`);
    }
  });

  it("builds sql-user statements that ClickHouse's own parser accepts", async () => {
    const statements = [
      ...tenantSqlUserStatements({
        tenant: t.tenants[0].tenant,
        database: 'learnpulse',
        passwordSha256Hex: 'b'.repeat(64),
        tables: TENANT_READABLE_TABLES,
        limits: {
          maxExecutionSeconds: 30,
          maxMemoryBytes: 1024,
          maxResultRows: 10,
          maxResultBytes: 2048,
        },
      }),
      ...dropTenantSqlUserStatements(t.tenants[0].tenant, 'learnpulse', TENANT_READABLE_TABLES),
    ];
    for (const statement of statements) {
      const result = await t.clickhouse.query({
        query: 'SELECT formatQuerySingleLine({statement:String}) AS formatted',
        query_params: { statement },
        format: 'JSONEachRow',
      });
      const [row] = await result.json<{ formatted: string }>();
      assert.ok(row !== undefined && row.formatted.length > 0, statement);
    }
    const policy = statements.find((statement) => statement.includes('AS RESTRICTIVE'));
    assert.ok(policy?.includes(`tenant = '${t.tenants[0].tenant}'`));
  });
});
