/**
 * `learnpulse sql-user create|drop --tenant T`: a tenant's own read-only ClickHouse user for
 * direct SQL, guarded by row policies (SQL built by @learnpulse/analytics-api's
 * tenantSqlUserStatements). Needs a ClickHouse server (CLICKHOUSE_URL): the embedded engine
 * has no access control, and there tenants use POST /v1/sql instead. The password is
 * generated, printed once, and reaches ClickHouse only as its SHA-256.
 */
import {
  dropTenantSqlUserStatements,
  TENANT_READABLE_TABLES,
  tenantSqlUserName,
  tenantSqlUserStatements,
} from '@learnpulse/analytics-api';
import { createClickHouseClient, isEmbedded } from '@learnpulse/clickhouse';
import { type Environment, loadConfigOrExit, storedCredentialSchema } from '@learnpulse/config';
import { createHash, randomBytes } from 'node:crypto';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function serverEnvironment(tenant: string): Environment {
  const env = loadConfigOrExit();
  const slug = storedCredentialSchema.shape.tenant.safeParse(tenant);
  if (!slug.success) throw new Error(`--tenant: ${slug.error.issues[0]?.message ?? 'invalid'}`);
  if (isEmbedded(env)) {
    throw new Error(
      'sql-user needs a ClickHouse server (set CLICKHOUSE_URL): the embedded engine has no users or row policies; there tenants use POST /v1/sql of analytics-api',
    );
  }
  return env;
}

async function run(env: Environment, statements: string[]): Promise<void> {
  const client = createClickHouseClient(env);
  try {
    for (const statement of statements) await client.command({ query: statement });
  } finally {
    await client.close();
  }
}

export async function sqlUserCreateCommand(options: { tenant: string }): Promise<void> {
  const env = serverEnvironment(options.tenant);
  const password = randomBytes(24).toString('base64url');
  await run(
    env,
    tenantSqlUserStatements({
      tenant: options.tenant,
      database: env.CLICKHOUSE_DATABASE,
      passwordSha256Hex: createHash('sha256').update(password).digest('hex'),
      tables: TENANT_READABLE_TABLES,
      limits: {
        maxExecutionSeconds: env.ANALYTICS_SQL_MAX_EXECUTION_SECONDS,
        maxMemoryBytes: env.ANALYTICS_SQL_MAX_MEMORY_BYTES,
        maxResultRows: env.ANALYTICS_SQL_MAX_RESULT_ROWS,
        maxResultBytes: env.ANALYTICS_SQL_MAX_RESULT_BYTES,
      },
    }),
  );
  say(
    `read-only ClickHouse user for tenant ${options.tenant} (row policy tenant = '${options.tenant}')`,
  );
  say(`  user      ${tenantSqlUserName(options.tenant)}`);
  say(`  password  ${password}`);
  say(`  database  ${env.CLICKHOUSE_DATABASE} (tables: ${TENANT_READABLE_TABLES.join(', ')})`);
  say('The password is shown only now; running the command again replaces it.');
}

export async function sqlUserDropCommand(options: { tenant: string }): Promise<void> {
  const env = serverEnvironment(options.tenant);
  await run(
    env,
    dropTenantSqlUserStatements(options.tenant, env.CLICKHOUSE_DATABASE, TENANT_READABLE_TABLES),
  );
  say(`dropped ClickHouse user ${tenantSqlUserName(options.tenant)} and its row policies`);
}
