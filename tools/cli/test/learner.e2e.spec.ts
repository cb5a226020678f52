/**
 * `learnpulse learner erase|export` as a child process, on both routes: while the services
 * run in this process (they own the embedded ClickHouse folder) through analytics-api's admin
 * endpoints, and after they stopped straight into the folder. Real Kafka, the real pipeline:
 * statements posted to the LRS, pseudonymised on the way, sunk by the writer.
 */
import { basicAuthHeader } from '@learnpulse/auth';
import { CLICKHOUSE, type ClickHouseClient, createClickHouseClient } from '@learnpulse/clickhouse';
import type { Environment } from '@learnpulse/config';
import { learnerPseudonym } from '@learnpulse/mappers';
import { tempDir, testEnvironment, uniqueName, waitFor } from '@learnpulse/testing';
import type { INestApplication } from '@nestjs/common';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HOSTED_APPS, startApps, stopApps } from '../src/app-registry';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(workspaceRoot, 'tools/cli/bin/learnpulse.js');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, 'learner', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

async function count(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
): Promise<number> {
  const rows = await (
    await client.query({ query, query_params: params, format: 'JSONEachRow' })
  ).json<{ n: string }>();
  return Number(rows[0]?.n ?? 0);
}

describe('learnpulse learner erase|export (child process, both routes)', () => {
  const marker = uniqueName('gdpr').toLowerCase();
  const course = `https://lms.uni.example/course/${marker}`;
  const erased = `mailto:erase-${marker}@uni.example`;
  const kept = `mailto:keep-${marker}@uni.example`;
  const adminToken = randomBytes(32).toString('base64url');
  let env: Environment;
  let childEnv: Record<string, string>;
  let apps: INestApplication[] = [];
  let clickhouse: ClickHouseClient;
  let tenant: string;

  const statement = (mbox: string, n: number) => ({
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { id: `${course}/page/${String(n)}` },
    context: {
      contextActivities: {
        grouping: [
          { id: course, definition: { type: 'http://adlnet.gov/expapi/activities/course' } },
        ],
      },
    },
    timestamp: new Date(Date.now() - n * 60_000).toISOString(),
  });

  before(async () => {
    const home = tempDir('gdpr-home');
    const chdb = tempDir('gdpr-chdb');
    env = await testEnvironment({
      ADMIN_TOKEN: adminToken,
      LEARNPULSE_HOME: home,
      CHDB_PATH: chdb,
    });
    tenant = env.DEMO_TENANT;
    childEnv = {
      LEARNPULSE_HOME: home,
      CHDB_PATH: chdb,
      HTTP_HOST: env.HTTP_HOST,
      ANALYTICS_API_PORT: String(env.ANALYTICS_API_PORT),
      ADMIN_TOKEN: adminToken,
      LEARNER_PSEUDONYM_KEY: env.LEARNER_PSEUDONYM_KEY ?? '',
      KAFKA_BROKERS: env.KAFKA_BROKERS.join(','),
    };
    apps = await startApps(HOSTED_APPS, env);
    clickhouse = apps[0]!.get<ClickHouseClient>(CLICKHOUSE);
    const statements = [0, 1, 2].map((n) => statement(erased, n));
    statements.push(statement(kept, 3), statement(kept, 4));
    const response = await fetch(
      `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}/xapi/statements`,
      {
        method: 'POST',
        headers: {
          authorization: basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? ''),
          'content-type': 'application/json',
          'x-experience-api-version': '2.0.0',
        },
        body: JSON.stringify(statements),
      },
    );
    assert.equal(response.status, 200, await response.text());
    await waitFor(
      'the statements and their events in ClickHouse',
      async () => {
        const events = await count(
          clickhouse,
          'SELECT count() AS n FROM learning_events WHERE tenant = {t:String}',
          { t: tenant },
        );
        const stored = await count(
          clickhouse,
          'SELECT count() AS n FROM xapi_statements WHERE tenant = {t:String}',
          { t: tenant },
        );
        return events === 5 && stored === 5 ? true : undefined;
      },
      // A fresh writer reads the shared test topics from their start: other runs' records first.
      { timeoutMs: 240_000 },
    );
  });

  after(async () => {
    await stopApps(apps);
  });

  const pseudonymOf = (mailto: string): string =>
    learnerPseudonym(env.LEARNER_PSEUDONYM_KEY ?? '', tenant, `mbox:${mailto}`);

  it('keeps only pseudonyms in learning_events, never the email', async () => {
    const emails = await count(
      clickhouse,
      `SELECT count() AS n FROM learning_events WHERE tenant = {t:String} AND positionCaseInsensitive(learner_id, '@') > 0`,
      { t: tenant },
    );
    assert.equal(emails, 0);
    const learners = await count(
      clickhouse,
      'SELECT count() AS n FROM learning_events WHERE tenant = {t:String} AND learner_id = {p:String}',
      { t: tenant, p: pseudonymOf(erased) },
    );
    assert.equal(learners, 3);
  });

  it('exports through the running analytics-api while it owns the embedded warehouse', async () => {
    const out = path.join(childEnv.LEARNPULSE_HOME ?? '', 'export.json');
    const run = await runCli(
      ['export', '--tenant', tenant, '--learner', erased, '--out', out, '--operator', 'dpo@uni'],
      childEnv,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /via analytics-api http:\/\//);
    const document = JSON.parse(await readFile(out, 'utf8')) as {
      tables: Record<string, { learner_id: string }[]>;
      statements: { actor: { mbox: string } }[];
    };
    assert.equal(document.tables.learning_events?.length, 3);
    assert.ok(
      document.tables.learning_events.every((row) => row.learner_id === pseudonymOf(erased)),
    );
    assert.equal(document.statements.length, 3);
    assert.ok(document.statements.every((s) => s.actor.mbox === erased));
  });

  it('refuses a wrong operator token and a tenant credential (401), and names a bad learner (400)', async () => {
    const wrong = await runCli(['erase', '--tenant', tenant, '--learner', erased], {
      ...childEnv,
      ADMIN_TOKEN: randomBytes(32).toString('base64url'),
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /401/);
    const url = `http://${env.HTTP_HOST}:${env.ANALYTICS_API_PORT}/admin/v1/learners/erase`;
    const asTenant = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? ''),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ tenant, learner: erased }),
    });
    assert.equal(asTenant.status, 401);
    const bad = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tenant, learner: 'not an id', extra: 1 }),
    });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { errors: { field: string }[] };
    assert.deepEqual(
      body.errors.map((e) => e.field),
      ['body'],
    );
    const usage = await runCli(['erase', '--tenant', tenant, '--learner', 'not an id'], childEnv);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /learner: must be one of/);
  });

  it('erases through analytics-api: the LRS and the warehouse forget the learner, others stay', async () => {
    const run = await runCli(
      ['erase', '--tenant', tenant, '--learner', erased, '--operator', 'dpo@uni'],
      childEnv,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /via analytics-api/);
    assert.match(run.stdout, /learning_events 3/);
    assert.match(run.stdout, /xapi_statements 3/);
    const left = await count(
      clickhouse,
      'SELECT count() AS n FROM learning_events WHERE tenant = {t:String}',
      { t: tenant },
    );
    assert.equal(left, 2);
    const daily = await count(
      clickhouse,
      'SELECT uniqMerge(learners) AS n FROM course_daily_activity WHERE tenant = {t:String} AND course_id = {c:String}',
      { t: tenant, c: course },
    );
    assert.equal(daily, 1);
    const lrs = await fetch(
      `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}/xapi/statements?agent=${encodeURIComponent(JSON.stringify({ mbox: erased }))}`,
      {
        headers: {
          authorization: basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? ''),
          'x-experience-api-version': '2.0.0',
        },
      },
    );
    assert.equal(lrs.status, 200);
    assert.deepEqual(((await lrs.json()) as { statements: unknown[] }).statements, []);
  });

  it('after the services stop, exports and erases straight in the embedded folder, by pseudonym too', async () => {
    await stopApps(apps);
    apps = [];
    const exported = await runCli(['export', '--tenant', tenant, '--learner', kept], childEnv);
    assert.equal(exported.code, 0, exported.stderr);
    const document = JSON.parse(exported.stdout) as {
      tables: Record<string, unknown[]>;
      statements: unknown[];
    };
    assert.equal(document.tables.learning_events?.length, 2);
    assert.equal(document.statements.length, 2);
    const run = await runCli(
      ['erase', '--tenant', tenant, '--learner', pseudonymOf(kept)],
      childEnv,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /via embedded ClickHouse/);
    assert.match(run.stdout, /learning_events 2/);
    assert.match(run.stdout, /xapi_statements 2/);

    const direct = createClickHouseClient(env);
    try {
      assert.equal(
        await count(direct, 'SELECT count() AS n FROM learning_events WHERE tenant = {t:String}', {
          t: tenant,
        }),
        0,
      );
      assert.equal(
        await count(direct, 'SELECT count() AS n FROM xapi_statements WHERE tenant = {t:String}', {
          t: tenant,
        }),
        0,
      );
      const audit = await (
        await direct.query({
          query: `SELECT action, requested_via AS via, requested_by AS by, outcome FROM gdpr_audit WHERE tenant = {t:String} ORDER BY requested_at`,
          query_params: { t: tenant },
          format: 'JSONEachRow',
        })
      ).json<{ action: string; via: string; by: string; outcome: string }>();
      assert.deepEqual(
        audit.filter((a) => a.outcome === 'done').map((a) => [a.action, a.via, a.by]),
        [
          ['export', 'admin-api', 'dpo@uni'],
          ['erase', 'admin-api', 'dpo@uni'],
          ['export', 'cli', audit[audit.length - 1]?.by ?? ''],
          ['erase', 'cli', audit[audit.length - 1]?.by ?? ''],
        ],
      );
    } finally {
      await direct.close();
    }
  });
});
