/**
 * Secrets for the one-machine demo: generated on first start, kept in the git-ignored
 * LEARNPULSE_HOME (mode 600) so they stay the same across restarts, never in the repo.
 * Values given in the environment win.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CALIPER_TOKEN_PATTERN } from '@learnpulse/config';
import { z } from 'zod';

const fresh = (): string => randomBytes(18).toString('base64url');

/** The demo Caliper token's key: the part before the dot of `Authorization: Bearer <key>.<secret>`. */
export const DEMO_CALIPER_TOKEN_KEY = 'demo-caliper';

const localSecretsSchema = z.object({
  demoLrsSecret: z.string().min(12),
  metricsToken: z.string().min(16),
  demoCaliperToken: z.string().regex(CALIPER_TOKEN_PATTERN),
  learnerPseudonymKey: z.string().min(32),
  webhookSigningKey: z.string().min(32),
  adminToken: z.string().min(32),
});
export type LocalSecrets = z.infer<typeof localSecretsSchema>;

function freshSecrets(): LocalSecrets {
  return {
    demoLrsSecret: fresh(),
    metricsToken: fresh(),
    demoCaliperToken: `${DEMO_CALIPER_TOKEN_KEY}.${fresh()}`,
    learnerPseudonymKey: randomBytes(32).toString('base64url'),
    webhookSigningKey: randomBytes(32).toString('base64url'),
    adminToken: randomBytes(32).toString('base64url'),
  };
}

function readSecrets(file: string): Partial<Record<keyof LocalSecrets, unknown>> {
  if (!existsSync(file)) return {};
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

/**
 * The secrets `npm start` generated, for the CLI commands that talk to that running system
 * (import, learner erase/export), without creating any: only the valid ones, none when absent.
 */
export function readLocalSecrets(home: string): Partial<LocalSecrets> {
  const existing = readSecrets(path.resolve(home, 'demo-secrets.json'));
  return Object.fromEntries(
    Object.keys(localSecretsSchema.shape).flatMap((name) => {
      const kept = localSecretsSchema.shape[name as keyof LocalSecrets].safeParse(
        existing[name as keyof LocalSecrets],
      );
      return kept.success ? [[name, kept.data]] : [];
    }),
  );
}

export function loadOrCreateLocalSecrets(home: string): LocalSecrets {
  const file = path.resolve(home, 'demo-secrets.json');
  const existing = readSecrets(file);
  const parsed = localSecretsSchema.safeParse(existing);
  if (parsed.success) return parsed.data;
  // Keep every secret that is still valid (a file from before a new secret was added keeps the
  // demo credentials and, above all, the pseudonym key), generate the rest.
  const generated = freshSecrets();
  const secrets = Object.fromEntries(
    Object.entries(generated).map(([name, value]) => {
      const field = localSecretsSchema.shape[name as keyof LocalSecrets];
      const kept = field.safeParse(existing[name as keyof LocalSecrets]);
      return [name, kept.success ? kept.data : value];
    }),
  ) as LocalSecrets;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * The environment with the secrets a running `npm start` generated as defaults (the pseudonym
 * key, the operator token), so CLI commands on the same machine agree with it; the environment
 * wins, and nothing is created.
 */
export function withLocalSecretDefaults(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const local = readLocalSecrets(env.LEARNPULSE_HOME ?? '.local');
  return {
    ...(local.learnerPseudonymKey === undefined
      ? {}
      : { LEARNER_PSEUDONYM_KEY: local.learnerPseudonymKey }),
    ...(local.adminToken === undefined ? {} : { ADMIN_TOKEN: local.adminToken }),
    ...env,
  };
}
