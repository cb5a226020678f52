export { AuthModule } from './auth.module';
export { BasicAuthGuard, type TenantRequest } from './basic-auth.guard';
export { basicAuthHeader, parseBasicAuthorization, type BasicCredentials } from './basic-auth';
export { CredentialStore } from './credential-store';
export { CurrentTenant } from './current-tenant.decorator';
export { hashSecret, verifySecret } from './secret-hash';
