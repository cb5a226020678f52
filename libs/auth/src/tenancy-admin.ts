/**
 * Runtime management of tenants and credentials, as the CLI does it: read the tenancy topic up
 * to its end (to check that a tenant exists or a key is free), then write one record with the
 * reliable producer. A new credential's secret is generated here, returned once to the caller,
 * and only its scrypt hash is written.
 */
import { storedCredentialSchema } from '@learnpulse/config';
import { ReliableProducer, TOPICS } from '@learnpulse/kafka';
import type { Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Scope } from './scopes';
import { hashSecret } from './secret-hash';
import { TenancyFollower, type TenancyEnvironment } from './tenancy-follower';
import {
  type CredentialRecord,
  encodeTenancyRecord,
  type TenancyRecord,
  tenancyRecordKey,
  type TenantRecord,
} from './tenancy-records';
import { TenancyState } from './tenancy-state';

export interface NewCredential {
  record: CredentialRecord;
  /** The plain secret: shown to the operator once, stored nowhere. */
  secret: string;
}

export class TenancyAdmin {
  private constructor(
    readonly state: TenancyState,
    private readonly follower: TenancyFollower,
    private readonly producer: ReliableProducer,
    /** Keys of the environment's fixed credentials, which the topic may not reuse. */
    private readonly reservedKeys: ReadonlySet<string>,
  ) {}

  static async open(
    kafka: Kafka,
    env: TenancyEnvironment,
    logger: Logger,
    reservedKeys: Iterable<string> = [],
  ): Promise<TenancyAdmin> {
    const state = new TenancyState();
    const follower = await TenancyFollower.start(kafka, env, state, logger);
    try {
      await follower.caughtUp;
      const producer = await ReliableProducer.connect(kafka, logger);
      return new TenancyAdmin(state, follower, producer, new Set(reservedKeys));
    } catch (error) {
      await follower.stop();
      throw error;
    }
  }

  private async write(record: TenancyRecord): Promise<void> {
    await this.producer.send([
      {
        topic: TOPICS.tenancy,
        messages: [{ key: tenancyRecordKey(record), value: encodeTenancyRecord(record) }],
      },
    ]);
    this.state.apply(tenancyRecordKey(record), encodeTenancyRecord(record));
  }

  async createTenant(id: string, name?: string): Promise<TenantRecord> {
    const slug = storedCredentialSchema.shape.tenant.safeParse(id);
    if (!slug.success) throw new Error(`tenant "${id}" is not a lowercase slug ([a-z0-9_-])`);
    if (this.state.tenant(id) !== undefined) throw new Error(`tenant "${id}" already exists`);
    const record: TenantRecord = {
      type: 'tenant',
      id,
      name: name ?? id,
      createdAt: new Date().toISOString(),
    };
    await this.write(record);
    return record;
  }

  async addCredential(options: {
    tenant: string;
    key?: string;
    scopes: readonly Scope[];
  }): Promise<NewCredential> {
    const { tenant } = options;
    if (this.state.tenant(tenant) === undefined) {
      throw new Error(`tenant "${tenant}" does not exist; create it with \`tenant create\` first`);
    }
    const key = options.key ?? `${tenant}-${randomBytes(6).toString('hex')}`;
    if (!storedCredentialSchema.shape.key.safeParse(key).success) {
      throw new Error(`key "${key}" must be 3-128 characters of [A-Za-z0-9._-]`);
    }
    if (this.reservedKeys.has(key) || this.state.credential(key) !== undefined) {
      throw new Error(
        `key "${key}" is already in use (keys are never reused, even after revocation)`,
      );
    }
    const secret = randomBytes(24).toString('base64url');
    const record: CredentialRecord = {
      type: 'credential',
      key,
      tenant,
      secretHash: await hashSecret(secret),
      scopes: [...new Set(options.scopes)],
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    await this.write(record);
    return { record, secret };
  }

  async revokeCredential(key: string): Promise<CredentialRecord> {
    if (this.reservedKeys.has(key)) {
      throw new Error(`key "${key}" comes from TENANT_CREDENTIALS or the demo; remove it there`);
    }
    const current = this.state.credential(key);
    if (current === undefined) throw new Error(`no credential with key "${key}"`);
    if (current.revokedAt !== null) {
      throw new Error(`credential "${key}" was already revoked at ${current.revokedAt}`);
    }
    const record: CredentialRecord = { ...current, revokedAt: new Date().toISOString() };
    await this.write(record);
    return record;
  }

  async close(): Promise<void> {
    await this.producer.close();
    await this.follower.stop();
  }
}
