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

/**
 * CALIPER_TOKENS: "tenant:key:scrypt$salt$hash,..." — bearer tokens of Caliper sensors, hashed
 * like credentials. A sensor sends `Authorization: Bearer <key>.<secret>`; the key has no dot,
 * so the token splits at its first one.
 */
const caliperKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{3,128}$/, 'key must be 3-128 characters of [A-Za-z0-9_-] (no dot)');
export const storedCaliperTokenSchema = z.object({
  tenant: storedCredentialSchema.shape.tenant,
  key: caliperKey,
  secretHash: storedCredentialSchema.shape.secretHash,
});
export type StoredCaliperToken = z.infer<typeof storedCaliperTokenSchema>;

const caliperTokenList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => {
        const [tenant, key, ...rest] = entry.split(':');
        return { tenant, key, secretHash: rest.join(':') };
      }),
  )
  .pipe(z.array(storedCaliperTokenSchema));

/** A whole bearer token as a sensor sends it: `<key>.<secret>`. */
export const CALIPER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{3,128}\.[A-Za-z0-9._~+/=-]{16,512}$/;

/**
 * EDX_LMS_ROOT_URLS: "tenant=https://lms.example.edu,..." — each tenant's Open edX LMS_ROOT_URL,
 * the base of the IRIs (and actor homePage) of the xAPI statements derived from its events.
 */
const lmsRootUrls = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => {
        const equals = entry.indexOf('=');
        return { tenant: entry.slice(0, Math.max(equals, 0)), url: entry.slice(equals + 1) };
      }),
  )
  .pipe(
    z.array(
      z.object({
        tenant: storedCredentialSchema.shape.tenant,
        url: z.url().regex(/^https?:\/\//, 'must be an http(s) URL'),
      }),
    ),
  );

/**
 * WAREHOUSE_TABLE_RETENTION_DAYS: "table=days,table=days" → {table: days}; 0 keeps a table
 * forever. Which tables take a TTL is checked by libs/clickhouse when it applies them.
 */
const tableRetentionDays = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => {
        const equals = entry.indexOf('=');
        const days =
          equals > 0 && /^\d+$/.test(entry.slice(equals + 1)) ? entry.slice(equals + 1) : '';
        return {
          table: entry.slice(0, Math.max(equals, 0)),
          days: days === '' ? -1 : Number(days),
        };
      }),
  )
  .pipe(
    z.array(
      z.object({
        table: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'each entry must be table=days'),
        days: z
          .number()
          .int()
          .min(0, 'each entry must be table=days, days a whole number')
          .max(36_500),
      }),
    ),
  )
  .transform((entries) => Object.fromEntries(entries.map((e) => [e.table, e.days])));

/** Days to keep (0 = forever), as an env value. */
const retentionDays = z.coerce.number().int().min(0).max(36_500);

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
  /** Bearer tokens of Caliper sensors (hashed), see CALIPER_TOKENS above. */
  CALIPER_TOKENS: caliperTokenList.default([]),
  /** The demo tenant's Caliper token (`<key>.<secret>`); exists only when set (npm start sets it). */
  DEMO_CALIPER_TOKEN: z
    .string()
    .regex(
      CALIPER_TOKEN_PATTERN,
      'DEMO_CALIPER_TOKEN must be <key>.<secret>: a 3-128 character key of [A-Za-z0-9_-], a dot, a secret of at least 16 characters',
    )
    .optional(),
  /**
   * Secret of the learner pseudonyms the clickstream gateway writes (HMAC-SHA256 over tenant and
   * the source's user id). Required by that gateway; changing it changes every pseudonym.
   */
  LEARNER_PSEUDONYM_KEY: z
    .string()
    .min(32, 'LEARNER_PSEUDONYM_KEY must be at least 32 characters')
    .optional(),
  /**
   * Operator token of the admin endpoints (analytics-api `/admin/...`: learner erase and export),
   * sent as `Authorization: Bearer <token>`; without it those endpoints do not exist. Never a
   * tenant credential. `npm start` generates one.
   */
  ADMIN_TOKEN: z.string().min(32, 'ADMIN_TOKEN must be at least 32 characters').optional(),
  /** Per-tenant Open edX LMS root URLs; a tenant without one gets it from each event's host. */
  EDX_LMS_ROOT_URLS: lmsRootUrls.default([]),
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

  /** Limits of a tenant's SQL on POST /v1/sql of analytics-api (each query, read-only). */
  ANALYTICS_SQL_MAX_EXECUTION_SECONDS: positiveInt.max(3600).default(30),
  ANALYTICS_SQL_MAX_MEMORY_BYTES: positiveInt.default(1024 * 1024 * 1024),
  ANALYTICS_SQL_MAX_RESULT_ROWS: positiveInt.default(1_000_000),
  ANALYTICS_SQL_MAX_RESULT_BYTES: positiveInt.default(64 * 1024 * 1024),

  WAREHOUSE_CONSUMER_GROUP: z.string().min(1).default('warehouse-writer'),
  WAREHOUSE_BATCH_MAX_ROWS: positiveInt.max(1_000_000).default(50_000),
  // Short, so a POSTed statement is readable by id well within 1 s (xAPI read-after-write);
  // under load batches fill by size long before this.
  WAREHOUSE_BATCH_MAX_WAIT_MS: positiveInt.max(60_000).default(200),

  /** risk-engine: learning.events.v1 → learner state → learner.risk.v1 (see apps/risk-engine). */
  RISK_ENGINE_PORT: port.default(8084),
  RISK_ENGINE_CONSUMER_GROUP: z.string().min(1).default('risk-engine'),
  /** A score move at least this large (same level) is published; a level change always is. */
  RISK_MIN_SCORE_MOVE: z.coerce.number().min(0).max(1).default(0.05),
  /** Event ids remembered per learner to drop re-sends (restored with the state)... */
  RISK_DEDUPE_IDS_PER_LEARNER: positiveInt.max(100_000).default(128),
  /** ...and for how long before the learner's latest event. */
  RISK_DEDUPE_WINDOW_MS: positiveInt.default(24 * 60 * 60 * 1000),
  /** How long the group waits for a silent member before moving its partitions (kafkajs). */
  RISK_ENGINE_SESSION_TIMEOUT_MS: positiveInt.min(6_000).max(300_000).default(30_000),

  /** alert-dispatcher: learner.risk.v1 → signed webhooks (see apps/alert-dispatcher). */
  ALERT_DISPATCHER_PORT: port.default(8085),
  ALERT_CONSUMER_GROUP: z.string().min(1).default('alert-dispatcher'),
  /**
   * Master key of the webhook signing secrets: each subscription's secret is HMAC-SHA256 of this
   * key and the subscription id, so no secret is stored anywhere. Required by alert-dispatcher
   * and `learnpulse webhook add`; changing it changes every subscription's secret.
   */
  WEBHOOK_SIGNING_KEY: z
    .string()
    .min(32, 'WEBHOOK_SIGNING_KEY must be at least 32 characters')
    .optional(),
  /** No second alert for the same learner and course to the same subscription within this time. */
  ALERT_COOLDOWN_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 60 * 60 * 1000),
  /** An alert needs at least this many reasons that carry evidence figures. */
  ALERT_MIN_EVIDENCE_REASONS: z.coerce.number().int().min(0).max(50).default(1),
  /** Assessments older than this (by asOf) raise no alert: a backlog or replay does not flood. */
  ALERT_MAX_AGE_MS: positiveInt.default(24 * 60 * 60 * 1000),
  /** Delivery attempts per alert and subscription before it goes to the dead-letter topic. */
  ALERT_MAX_ATTEMPTS: positiveInt.max(30).default(6),
  /** First retry delay; doubles per attempt up to ALERT_RETRY_MAX_MS, with jitter. */
  ALERT_RETRY_BASE_MS: positiveInt.max(600_000).default(1_000),
  ALERT_RETRY_MAX_MS: positiveInt.max(3_600_000).default(60_000),
  /** Time one webhook request may take (connect to end of response). */
  ALERT_WEBHOOK_TIMEOUT_MS: positiveInt.max(120_000).default(10_000),
  /**
   * Re-sent copies of an event (same tenant and event id, a new Kafka record) whose times
   * (occurred_at, statement timestamp, risk as_of) lie within this many minutes of a stored
   * copy are dropped by the sink; the in-memory record of ids reaches this far back.
   */
  WAREHOUSE_DEDUP_WINDOW_MINUTES: positiveInt.max(525_600).default(1440),
  /** Most ids the sink remembers per partition; older ones are looked up in ClickHouse. */
  WAREHOUSE_DEDUP_MAX_IDS: positiveInt.min(1000).max(50_000_000).default(500_000),
  /** Retention (TTL) of the raw tables, in days; 0 keeps them forever. */
  WAREHOUSE_RAW_RETENTION_DAYS: retentionDays.default(0),
  /** Retention (TTL) of the time-keyed rollup tables, in days; 0 keeps them forever. */
  WAREHOUSE_ROLLUP_RETENTION_DAYS: retentionDays.default(0),
  /** Per-table retention overriding the two above: "learning_events=365,video_engagement=90". */
  WAREHOUSE_TABLE_RETENTION_DAYS: tableRetentionDays.default({}),
});

export type Environment = z.infer<typeof environmentSchema> & {
  /** True when KAFKA_BROKERS was given: the local stack then starts no broker of its own. */
  KAFKA_EXTERNAL: boolean;
};
