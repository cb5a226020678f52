/**
 * Secrets for the one-machine demo: generated on first start, kept in the git-ignored
 * LEARNPULSE_HOME (mode 600) so they stay the same across restarts, never in the repo.
 * Values given in the environment win.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const localSecretsSchema = z.object({
  demoLrsSecret: z.string().min(12),
  metricsToken: z.string().min(16),
});
export type LocalSecrets = z.infer<typeof localSecretsSchema>;

const fresh = (): string => randomBytes(18).toString('base64url');

export function loadOrCreateLocalSecrets(home: string): LocalSecrets {
  const file = path.resolve(home, 'demo-secrets.json');
  if (existsSync(file)) {
    const parsed = localSecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const secrets: LocalSecrets = { demoLrsSecret: fresh(), metricsToken: fresh() };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
