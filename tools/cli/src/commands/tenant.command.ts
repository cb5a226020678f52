/**
 * `learnpulse tenant create|list`: tenants live on the compacted tenancy topic; every HTTP app
 * sees a new one within seconds, without a restart.
 */
import type { TenantRecord } from '@learnpulse/auth';
import type { Environment } from '@learnpulse/config';
import { withTenancyAdmin } from './tenancy-admin.session';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export async function createTenant(
  id: string,
  options: { name?: string },
  env?: Environment,
): Promise<TenantRecord> {
  return withTenancyAdmin((admin) => admin.createTenant(id, options.name), env);
}

export async function listTenants(env?: Environment): Promise<TenantRecord[]> {
  return withTenancyAdmin((admin) => Promise.resolve(admin.state.tenants()), env);
}

export async function tenantCreateCommand(id: string, options: { name?: string }): Promise<void> {
  const tenant = await createTenant(id, options);
  say(`tenant ${tenant.id} created (${tenant.name})`);
}

export async function tenantListCommand(): Promise<void> {
  const tenants = await listTenants();
  if (tenants.length === 0) say('no tenants on the tenancy topic (environment credentials aside)');
  for (const tenant of tenants) say(`${tenant.id}\t${tenant.name}\tcreated ${tenant.createdAt}`);
}
