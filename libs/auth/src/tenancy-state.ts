/**
 * The tenants and credentials the tenancy topic holds, as of the records applied so far.
 * Listeners hear of every credential change so a verified-secret cache can forget it at once.
 */
import {
  type CredentialRecord,
  decodeTenancyRecord,
  type TenancyChange,
  type TenantRecord,
} from './tenancy-records';

export class TenancyState {
  private readonly tenantsById = new Map<string, TenantRecord>();
  private readonly credentialsByKey = new Map<string, CredentialRecord>();
  private readonly listeners: ((key: string) => void)[] = [];

  /** Applies one record of the topic (value null = tombstone); throws on a malformed record. */
  apply(key: string, value: Buffer | string | null): TenancyChange {
    const change = decodeTenancyRecord(key, value);
    if (change.kind === 'tenant') {
      if (change.record === null) this.tenantsById.delete(change.id);
      else this.tenantsById.set(change.id, change.record);
    } else {
      if (change.record === null) this.credentialsByKey.delete(change.key);
      else this.credentialsByKey.set(change.key, change.record);
      for (const listener of this.listeners) listener(change.key);
    }
    return change;
  }

  onCredentialChange(listener: (key: string) => void): void {
    this.listeners.push(listener);
  }

  tenant(id: string): TenantRecord | undefined {
    return this.tenantsById.get(id);
  }

  /** The credential record under this key, revoked ones included. */
  credential(key: string): CredentialRecord | undefined {
    return this.credentialsByKey.get(key);
  }

  /** A credential that may sign in: known, not revoked, and of a tenant that exists. */
  activeCredential(key: string): CredentialRecord | undefined {
    const credential = this.credentialsByKey.get(key);
    if (credential === undefined || credential.revokedAt !== null) return undefined;
    return this.tenantsById.has(credential.tenant) ? credential : undefined;
  }

  tenants(): TenantRecord[] {
    return [...this.tenantsById.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  credentials(): CredentialRecord[] {
    return [...this.credentialsByKey.values()].sort((a, b) => a.key.localeCompare(b.key));
  }
}
