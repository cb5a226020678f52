/**
 * The one schema of learnpulse's environment. Every service parses it once at
 * start; code receives typed values and never reads process.env itself.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** "host:port,host:port" → ["host:port", ...] with each entry checked. */
const brokerList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
  )
  .pipe(
    z
      .array(z.string().regex(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, 'each broker must be host:port'))
      .min(1, 'at least one broker is required'),
  );

/** xAPI's authorization scopes (OAuth scope list of the spec); `all` allows everything. */
export const CREDENTIAL_SCOPES = [
  'statements/write',
  'statements/read',
  'statements/read/mine',
  'all/read',
  'all',
  'define',
  'profile',
  'state',
] as const;
export const credentialScopeSchema = z.enum(CREDENTIAL_SCOPES);
export type CredentialScope = z.infer<typeof credentialScopeSchema>;

/** A tenant's stored credential: the secret is kept only as a scrypt hash. */
export const storedCredentialSchema = z.object({
  tenant: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'tenant must be a lowercase slug'),
  key: z
    .string()
    .regex(/^[A-Za-z0-9._-]{3,128}$/, 'key must be 3-128 characters of [A-Za-z0-9._-]'),
  secretHash: z
    .string()
    .regex(
      /^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
      'secretHash must be scrypt$<salt>$<hash> (see `npx learnpulse credential hash`)',
    ),
  scopes: z.array(credentialScopeSchema).min(1).default(['all']),
});
export type StoredCredential = z.infer<typeof storedCredentialSchema>;

/** TENANT_CREDENTIALS: "tenant:key:scrypt$salt$hash[:scope+scope],..." (scopes default to `all`) */
const credentialList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => {
        const [tenant, key, ...rest] = entry.split(':');
        const scopes = rest.length === 2 ? rest.pop() : undefined;
        return {
          tenant,
          key,
          secretHash: rest.join(':'),
          ...(scopes === undefined ? {} : { scopes: scopes.split('+') }),
        };
      }),
  )
  .pipe(z.array(storedCredentialSchema));

/** XAPI_CORS_ORIGINS: "*" or a comma list of origins (scheme://host[:port]). */
const corsOrigins = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim().replace(/\/+$/, ''))
      .filter((entry) => entry.length > 0),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^(\*|https?:\/\/[^/\s]+)$/, 'each origin must be * or scheme://host[:port]'),
      )
      .min(1, 'at least one origin (or *) is required'),
  );

export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the local stack keeps Kafka jars, data, logs and pids. */
  LEARNPULSE_HOME: z.string().min(1).default('.local'),

  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  XAPI_GATEWAY_PORT: port.default(8080),
  CLICKSTREAM_GATEWAY_PORT: port.default(8081),
  ANALYTICS_API_PORT: port.default(8082),
  WAREHOUSE_WRITER_PORT: port.default(8083),
  HTTP_BODY_LIMIT_BYTES: positiveInt.max(256 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Bearer token for GET /metrics; without it /metrics is not served. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),

  KAFKA_BROKERS: brokerList.default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().min(1).default('learnpulse'),
  KAFKA_TOPIC_PARTITIONS: positiveInt.max(1000).default(3),
  KAFKA_REPLICATION_FACTOR: positiveInt.max(10).default(1),
  KAFKA_CONTROLLER_PORT: port.default(9093),

  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')
    .default('learnpulse'),
  /** Data folder of the embedded engine (chdb) when CLICKHOUSE_URL is not set. */
  CHDB_PATH: z.string().min(1).optional(),

  TENANT_CREDENTIALS: credentialList.default([]),
  DEMO_TENANT: storedCredentialSchema.shape.tenant.default('demo'),
  DEMO_LRS_KEY: storedCredentialSchema.shape.key.default('demo-lrs'),
  DEMO_LRS_SECRET: z.string().min(12, 'DEMO_LRS_SECRET must be at least 12 characters').optional(),
  /** Browser origins allowed to call the xAPI gateway (CORS): "*" or "https://a.example,https://b.example". */
  XAPI_CORS_ORIGINS: corsOrigins.default(['*']),

  /** Armored OpenPGP private key that `learnpulse import` decrypts .gpg inputs with. */
  IMPORT_PGP_PRIVATE_KEY: z
    .string()
    .includes('-----BEGIN PGP PRIVATE KEY BLOCK-----', {
      message:
        'IMPORT_PGP_PRIVATE_KEY must be an armored private key (-----BEGIN PGP PRIVATE KEY BLOCK-----)',
    })
    .optional(),
  /** Passphrase of IMPORT_PGP_PRIVATE_KEY when the key is protected. */
  IMPORT_PGP_PASSPHRASE: z.string().min(1).optional(),

  WAREHOUSE_CONSUMER_GROUP: z.string().min(1).default('warehouse-writer'),
  WAREHOUSE_BATCH_MAX_ROWS: positiveInt.max(1_000_000).default(10_000),
  // Short, so a POSTed statement is readable by id well within 1 s (xAPI read-after-write);
  // under load batches fill by size long before this.
  WAREHOUSE_BATCH_MAX_WAIT_MS: positiveInt.max(60_000).default(200),
});

export type Environment = z.infer<typeof environmentSchema> & {
  /** True when KAFKA_BROKERS was given: the local stack then starts no broker of its own. */
  KAFKA_EXTERNAL: boolean;
};
