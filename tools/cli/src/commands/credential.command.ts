/**
 * `learnpulse credential ...`:
 * - `hash` turns a secret (read from stdin, so it stays out of shell history) into the scrypt
 *   hash that TENANT_CREDENTIALS stores;
 * - `add`, `revoke`, `list` manage credentials on the tenancy topic at runtime. `add` generates
 *   the secret and prints it once; only its hash is stored. A revocation takes effect on the next
 *   request to any running app.
 */
import {
  type CredentialRecord,
  hashSecret,
  type NewCredential,
  parseScopes,
} from '@learnpulse/auth';
import type { Environment } from '@learnpulse/config';
import { text } from 'node:stream/consumers';
import { withTenancyAdmin } from './tenancy-admin.session';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export async function credentialHashCommand(options: {
  tenant: string;
  key: string;
}): Promise<void> {
  const secret = (await text(process.stdin)).replace(/\r?\n$/, '');
  if (secret.length < 12) throw new Error('the secret must be at least 12 characters');
  const hash = await hashSecret(secret);
  process.stdout.write(`${options.tenant}:${options.key}:${hash}\n`);
}

export interface AddCredentialOptions {
  tenant: string;
  key?: string;
  /** Comma-separated scopes; `all` when omitted. */
  scopes?: string;
}

export async function addCredential(
  options: AddCredentialOptions,
  env?: Environment,
): Promise<NewCredential> {
  const scopes = parseScopes(options.scopes ?? 'all');
  return withTenancyAdmin(
    (admin) =>
      admin.addCredential({
        tenant: options.tenant,
        scopes,
        ...(options.key === undefined ? {} : { key: options.key }),
      }),
    env,
  );
}

export async function revokeCredential(key: string, env?: Environment): Promise<CredentialRecord> {
  return withTenancyAdmin((admin) => admin.revokeCredential(key), env);
}

export async function listCredentials(
  options: { tenant?: string },
  env?: Environment,
): Promise<CredentialRecord[]> {
  return withTenancyAdmin(
    (admin) =>
      Promise.resolve(
        admin.state
          .credentials()
          .filter((record) => options.tenant === undefined || record.tenant === options.tenant),
      ),
    env,
  );
}

export async function credentialAddCommand(options: AddCredentialOptions): Promise<void> {
  const { record, secret } = await addCredential(options);
  say(`credential added for tenant ${record.tenant} (scopes ${record.scopes.join(', ')})`);
  say(`  key     ${record.key}`);
  say(`  secret  ${secret}`);
  say('The secret is shown only now; learnpulse keeps only its hash.');
}

export async function credentialRevokeCommand(options: { key: string }): Promise<void> {
  const record = await revokeCredential(options.key);
  say(`credential ${record.key} of tenant ${record.tenant} revoked at ${record.revokedAt ?? ''}`);
}

export async function credentialListCommand(options: { tenant?: string }): Promise<void> {
  const records = await listCredentials(options);
  if (records.length === 0) say('no credentials on the tenancy topic');
  for (const record of records) {
    const state = record.revokedAt === null ? 'active' : `revoked ${record.revokedAt}`;
    say(`${record.key}\t${record.tenant}\t${record.scopes.join(',')}\t${state}`);
  }
}
