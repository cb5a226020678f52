/**
 * Who may call the HTTP APIs: credentials (key → tenant + scrypt hash) from TENANT_CREDENTIALS,
 * plus the demo tenant's when DEMO_LRS_SECRET is set (hashed at start, the plain text dropped).
 *
 * scrypt costs ~50 ms of CPU by design, too much for every request of an exam-day peak, so a
 * verified secret is remembered as an HMAC under a key that lives only in this process: later
 * requests with the same credential cost one HMAC, and no plain secret is ever kept.
 */
import type { Environment, StoredCredential } from '@learnpulse/config';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashSecret, verifySecret } from './secret-hash';

const VERIFIED_CACHE_LIMIT = 10_000;

export class CredentialStore {
  private readonly byKey = new Map<string, StoredCredential>();
  private readonly verified = new Map<string, Buffer>();
  private readonly cacheKey = randomBytes(32);

  constructor(credentials: readonly StoredCredential[]) {
    for (const credential of credentials) {
      if (this.byKey.has(credential.key)) {
        throw new Error(`credential key "${credential.key}" is configured twice`);
      }
      this.byKey.set(credential.key, credential);
    }
  }

  static async fromEnvironment(
    env: Pick<
      Environment,
      'TENANT_CREDENTIALS' | 'DEMO_TENANT' | 'DEMO_LRS_KEY' | 'DEMO_LRS_SECRET'
    >,
  ): Promise<CredentialStore> {
    const credentials = [...env.TENANT_CREDENTIALS];
    if (env.DEMO_LRS_SECRET !== undefined) {
      credentials.push({
        tenant: env.DEMO_TENANT,
        key: env.DEMO_LRS_KEY,
        secretHash: await hashSecret(env.DEMO_LRS_SECRET),
      });
    }
    return new CredentialStore(credentials);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The tenant the credential belongs to, or null when the key is unknown or the secret wrong. */
  async authenticate(key: string, secret: string): Promise<string | null> {
    const credential = this.byKey.get(key);
    if (credential === undefined) return null;
    const fingerprint = createHmac('sha256', this.cacheKey).update(`${key}\0${secret}`).digest();
    const known = this.verified.get(key);
    if (known !== undefined && timingSafeEqual(known, fingerprint)) return credential.tenant;
    if (!(await verifySecret(secret, credential.secretHash))) return null;
    if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
    this.verified.set(key, fingerprint);
    return credential.tenant;
  }
}
