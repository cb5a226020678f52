export {
  CALIPER_TOKEN_PATTERN,
  CREDENTIAL_SCOPES,
  credentialScopeSchema,
  environmentSchema,
  storedCaliperTokenSchema,
  storedCredentialSchema,
} from './environment.schema';
export type {
  CredentialScope,
  Environment,
  StoredCaliperToken,
  StoredCredential,
} from './environment.schema';
export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
