export type { ClickHouseClient } from '@clickhouse/client';
export {
  createClickHouseClient,
  embeddedDataPath,
  isEmbedded,
  type ClickHouseEnvironment,
} from './create-clickhouse-client';
export { EmbeddedEngineBusyError, embeddedEngineState } from './embedded/embedded-engine';
export { ClickHouseModule } from './clickhouse.module';
export { CLICKHOUSE } from './clickhouse.tokens';
export {
  DEDUPLICATED_INSERT_SETTINGS,
  insertDeduplicated,
  type DeduplicatedInsert,
} from './insert-deduplicated';
export {
  DATE_TIME64_MAX_MS,
  DATE_TIME64_MIN_MS,
  isStorableTime,
  toDateTime64,
} from './date-time64';
export {
  DEFAULT_MIGRATIONS_DIR,
  loadMigrations,
  parseMigration,
  type Migration,
} from './migrations/migration-files';
export {
  MigrationChecksumError,
  runMigrations,
  type RunMigrationsOptions,
  type RunMigrationsResult,
} from './migrations/run-migrations';
export { splitStatements } from './migrations/split-statements';
export { applyRetention, type ApplyRetentionResult } from './retention/apply-retention';
export {
  KEY_VALUE_PURGE_INTERVAL_MS,
  KEY_VALUE_RETENTION_TABLES,
  purgeExpiredKeyValueRows,
  purgeStatements,
  type PurgeStatement,
} from './retention/key-value-retention';
export {
  RETENTION_TABLES,
  RetentionConfigError,
  retentionPlan,
  type RetentionSettings,
  type TableRetention,
} from './retention/table-retention';
