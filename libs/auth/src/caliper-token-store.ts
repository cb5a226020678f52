/**
 * Who may send Caliper envelopes: the bearer tokens of CALIPER_TOKENS (scrypt-hashed, like
 * credentials) plus the demo tenant's DEMO_CALIPER_TOKEN when it is set (hashed at start, the
 * plain text dropped). Verification, and its per-process cache of verified tokens, is the
 * CredentialStore's: a token is a credential whose key is the part before the dot.
 */
import type { Environment, StoredCredential } from '@learnpulse/config';
import { splitBearerToken } from './bearer-token';
import { CredentialStore } from './credential-store';
import type { Credential } from './scopes';
import { hashSecret } from './secret-hash';
import { TenancyState } from './tenancy-state';

/** A sensor token only ever writes events. */
const TOKEN_SCOPES: StoredCredential['scopes'] = ['statements/write'];

export class CaliperTokenStore {
  private readonly credentials: CredentialStore;

  constructor(tokens: readonly Omit<StoredCredential, 'scopes'>[]) {
    // Tokens are not managed through the tenancy topic: an empty, never-followed state.
    this.credentials = new CredentialStore(
      tokens.map((token) => ({ ...token, scopes: TOKEN_SCOPES })),
      new TenancyState(),
    );
  }

  static async fromEnvironment(
    env: Pick<Environment, 'CALIPER_TOKENS' | 'DEMO_TENANT' | 'DEMO_CALIPER_TOKEN'>,
  ): Promise<CaliperTokenStore> {
    const tokens: Omit<StoredCredential, 'scopes'>[] = [...env.CALIPER_TOKENS];
    const demo =
      env.DEMO_CALIPER_TOKEN === undefined ? null : splitBearerToken(env.DEMO_CALIPER_TOKEN);
    if (demo !== null) {
      tokens.push({
        tenant: env.DEMO_TENANT,
        key: demo.key,
        secretHash: await hashSecret(demo.secret),
      });
    }
    return new CaliperTokenStore(tokens);
  }

  /** Number of configured tokens. */
  get size(): number {
    return this.credentials.size;
  }

  /** The token's tenant and key, or null when the token is malformed, unknown or wrong. */
  async authenticate(token: string): Promise<Credential | null> {
    const parts = splitBearerToken(token);
    if (parts === null) return null;
    return this.credentials.authenticate(parts.key, parts.secret);
  }
}
