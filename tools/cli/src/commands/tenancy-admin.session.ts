/** Opens the tenancy topic for one CLI command and closes it afterwards, whatever happens. */
import { TenancyAdmin } from '@learnpulse/auth';
import { loadConfigOrExit, type Environment } from '@learnpulse/config';
import { createKafka } from '@learnpulse/kafka';
import { createLogger } from '@learnpulse/observability';

/** Keys of the environment's fixed credentials: the topic may not reuse or revoke them. */
export function fixedKeys(env: Environment): string[] {
  return [...env.TENANT_CREDENTIALS.map((credential) => credential.key), env.DEMO_LRS_KEY];
}

export async function withTenancyAdmin<T>(
  run: (admin: TenancyAdmin) => Promise<T>,
  env: Environment = loadConfigOrExit(),
): Promise<T> {
  const logger = createLogger({ ...env, LOG_LEVEL: 'warn' }, 'learnpulse-cli');
  const admin = await TenancyAdmin.open(
    createKafka(env, 'cli', logger),
    env,
    logger,
    fixedKeys(env),
  );
  try {
    return await run(admin);
  } finally {
    await admin.close();
  }
}
