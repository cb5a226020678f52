/**
 * Who may call the HTTP APIs. Two sources: the fixed credentials of the environment
 * (TENANT_CREDENTIALS, plus the demo tenant's when DEMO_LRS_SECRET is set, hashed at start and
 * the plain text dropped), and the tenancy topic that `npx learnpulse credential add|revoke`
 * writes, followed live into a TenancyState. A fixed credential wins over a topic one of the
 * same key; a topic credential counts only while it is not revoked and its tenant exists.
 *
 * scrypt costs ~50 ms of CPU by design, too much for every request of an exam-day peak, so a
 * verified secret is remembered as a SHA-256 over a salt that lives only in this process (and
 * the key, the stored hash and the secret): later requests with the same credential cost one
 * hash, and no plain secret is ever kept. A changed or revoked credential drops its entry at
 * once. Not an HMAC: createHmac built a key object per call, ~21 µs against ~2 µs for the
 * one-shot hash, on every request; the fingerprint never leaves the process, so there is no
 * forgery or length extension to guard against, only the salt keeps it unguessable.
 */
import type { Environment, StoredCredential } from '@learnpulse/config';
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Credential } from './scopes';
import { hashSecret, verifySecret } from './secret-hash';
import { TenancyState } from './tenancy-state';

const VERIFIED_CACHE_LIMIT = 10_000;

export class CredentialStore {
  private readonly fixed = new Map<string, StoredCredential>();
  private readonly verified = new Map<string, Buffer>();
  private readonly cacheSalt = randomBytes(32).toString('hex');

  constructor(
    credentials: readonly StoredCredential[],
    readonly tenancy: TenancyState = new TenancyState(),
  ) {
    for (const credential of credentials) {
      if (this.fixed.has(credential.key)) {
        throw new Error(`credential key "${credential.key}" is configured twice`);
      }
      this.fixed.set(credential.key, credential);
    }
    tenancy.onCredentialChange((key) => {
      if (!this.fixed.has(key)) this.verified.delete(key);
    });
  }

  static async fromEnvironment(
    env: Pick<
      Environment,
      'TENANT_CREDENTIALS' | 'DEMO_TENANT' | 'DEMO_LRS_KEY' | 'DEMO_LRS_SECRET'
    >,
    tenancy?: TenancyState,
  ): Promise<CredentialStore> {
    const credentials = [...env.TENANT_CREDENTIALS];
    if (env.DEMO_LRS_SECRET !== undefined) {
      credentials.push({
        tenant: env.DEMO_TENANT,
        key: env.DEMO_LRS_KEY,
        secretHash: await hashSecret(env.DEMO_LRS_SECRET),
        scopes: ['all'],
      });
    }
    return new CredentialStore(credentials, tenancy);
  }

  /** Number of fixed (environment) credentials. */
  get size(): number {
    return this.fixed.size;
  }

  /** True when the key comes from the environment (not manageable through the tenancy topic). */
  isFixed(key: string): boolean {
    return this.fixed.has(key);
  }

  private lookup(key: string): StoredCredential | undefined {
    return this.fixed.get(key) ?? this.tenancy.activeCredential(key);
  }

  /** The caller's tenant, key and scopes, or null when the key is unknown, revoked or the secret wrong. */
  async authenticate(key: string, secret: string): Promise<Credential | null> {
    const credential = this.lookup(key);
    if (credential === undefined) return null;
    const fingerprint = hash(
      'sha256',
      `${this.cacheSalt}\0${key}\0${credential.secretHash}\0${secret}`,
      'buffer',
    );
    const known = this.verified.get(key);
    if (known !== undefined && timingSafeEqual(known, fingerprint)) return toCredential(credential);
    if (!(await verifySecret(secret, credential.secretHash))) return null;
    // The credential may have been revoked while scrypt ran.
    if (this.lookup(key)?.secretHash !== credential.secretHash) return null;
    if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
    this.verified.set(key, fingerprint);
    return toCredential(credential);
  }
}

function toCredential({ tenant, key, scopes }: StoredCredential): Credential {
  return { tenant, key, scopes: [...scopes] };
}
