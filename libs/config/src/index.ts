export {
  CREDENTIAL_SCOPES,
  credentialScopeSchema,
  environmentSchema,
  storedCredentialSchema,
} from './environment.schema';
export type { CredentialScope, Environment, StoredCredential } from './environment.schema';
export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
