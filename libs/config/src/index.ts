export { environmentSchema, storedCredentialSchema } from './environment.schema';
export type { Environment, StoredCredential } from './environment.schema';
export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
