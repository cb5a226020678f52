export { AuthModule, type AuthModuleOptions } from './auth.module';
export { BasicAuthGuard, type TenantRequest } from './basic-auth.guard';
export {
  bearerAuthHeader,
  type BearerToken,
  parseBearerAuthorization,
  splitBearerToken,
} from './bearer-token';
export { BearerTokenGuard } from './bearer-token.guard';
export { CaliperTokenStore } from './caliper-token-store';
export { basicAuthHeader, parseBasicAuthorization, type BasicCredentials } from './basic-auth';
export { CredentialStore } from './credential-store';
export { CurrentCredential, CurrentTenant } from './current-tenant.decorator';
export { REQUIRED_SCOPES, RequireScopes } from './require-scopes.decorator';
export {
  type Credential,
  hasAnyScope,
  isScope,
  parseScopes,
  readsOnlyOwnStatements,
  type Scope,
  SCOPES,
} from './scopes';
export { hashSecret, verifySecret } from './secret-hash';
export { TenancyAdmin, type NewCredential } from './tenancy-admin';
export { ensureTenancyTopic, TenancyFollower, type TenancyEnvironment } from './tenancy-follower';
export {
  type CredentialRecord,
  decodeTenancyRecord,
  encodeTenancyRecord,
  type TenancyChange,
  type TenancyRecord,
  tenancyRecordKey,
  type TenantRecord,
} from './tenancy-records';
export { TenancyState } from './tenancy-state';
