/**
 * The records of the compacted tenancy topic (`learnpulse.tenancy.v1`): key `tenant:<id>` or
 * `credential:<key>`, JSON values. A credential carries only the scrypt hash of its secret;
 * revocation keeps the record with `revokedAt` set (a tombstone is also understood), so the
 * newest record of the log is never compacted away and a reader can tell when it caught up.
 */
import { credentialScopeSchema, storedCredentialSchema } from '@learnpulse/config';
import { z } from 'zod';

export const tenantRecordSchema = z.object({
  type: z.literal('tenant'),
  id: storedCredentialSchema.shape.tenant,
  name: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
});
export type TenantRecord = z.infer<typeof tenantRecordSchema>;

export const credentialRecordSchema = z.object({
  type: z.literal('credential'),
  key: storedCredentialSchema.shape.key,
  tenant: storedCredentialSchema.shape.tenant,
  secretHash: storedCredentialSchema.shape.secretHash,
  scopes: z.array(credentialScopeSchema).min(1),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type CredentialRecord = z.infer<typeof credentialRecordSchema>;

export type TenancyRecord = TenantRecord | CredentialRecord;

const tenancyRecordSchema = z.discriminatedUnion('type', [
  tenantRecordSchema,
  credentialRecordSchema,
]);

export function tenancyRecordKey(record: TenancyRecord): string {
  return record.type === 'tenant' ? `tenant:${record.id}` : `credential:${record.key}`;
}

export function encodeTenancyRecord(record: TenancyRecord): string {
  return JSON.stringify(tenancyRecordSchema.parse(record));
}

/** What one record of the topic says: a value, or the deletion (tombstone) of its key. */
export type TenancyChange =
  | { kind: 'tenant'; id: string; record: TenantRecord | null }
  | { kind: 'credential'; key: string; record: CredentialRecord | null };

/** Reads one record; throws on an unknown key or a value that does not match its key. */
export function decodeTenancyRecord(key: string, value: Buffer | string | null): TenancyChange {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (colon <= 0 || (kind !== 'tenant' && kind !== 'credential')) {
    throw new Error(`unknown tenancy record key ${JSON.stringify(key)}`);
  }
  if (value === null) {
    return kind === 'tenant'
      ? { kind, id, record: null }
      : { kind: 'credential', key: id, record: null };
  }
  const record = tenancyRecordSchema.parse(JSON.parse(value.toString()));
  if (tenancyRecordKey(record) !== key) {
    throw new Error(`tenancy record under ${JSON.stringify(key)} names another ${record.type}`);
  }
  return record.type === 'tenant'
    ? { kind: 'tenant', id, record }
    : { kind: 'credential', key: id, record };
}
