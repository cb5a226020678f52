/**
 * `learnpulse credential hash`: turns a secret (read from stdin, so it stays out of shell
 * history) into the scrypt hash that TENANT_CREDENTIALS stores.
 */
import { hashSecret } from '@learnpulse/auth';
import { text } from 'node:stream/consumers';

export async function credentialHashCommand(options: {
  tenant: string;
  key: string;
}): Promise<void> {
  const secret = (await text(process.stdin)).replace(/\r?\n$/, '');
  if (secret.length < 12) throw new Error('the secret must be at least 12 characters');
  const hash = await hashSecret(secret);
  process.stdout.write(`${options.tenant}:${options.key}:${hash}\n`);
}
