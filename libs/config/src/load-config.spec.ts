import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const env = loadConfig({});
    assert.equal(env.XAPI_GATEWAY_PORT, 8080);
    assert.equal(env.CLICKSTREAM_GATEWAY_PORT, 8081);
    assert.equal(env.ANALYTICS_API_PORT, 8082);
    assert.deepEqual(env.KAFKA_BROKERS, ['127.0.0.1:9092']);
    assert.equal(env.CLICKHOUSE_URL, undefined);
    assert.equal(env.DEMO_LRS_KEY, 'demo-lrs');
    assert.equal(env.KAFKA_EXTERNAL, false);
  });

  it('parses broker lists and numbers', () => {
    const env = loadConfig({ KAFKA_BROKERS: 'a:9092, b:9093', KAFKA_TOPIC_PARTITIONS: '6' });
    assert.deepEqual(env.KAFKA_BROKERS, ['a:9092', 'b:9093']);
    assert.equal(env.KAFKA_TOPIC_PARTITIONS, 6);
    assert.equal(env.KAFKA_EXTERNAL, true);
  });

  it('names every bad variable in one error', () => {
    assert.throws(
      () =>
        loadConfig({
          XAPI_GATEWAY_PORT: 'abc',
          KAFKA_BROKERS: 'nohostport',
          CLICKHOUSE_URL: 'not a url',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /XAPI_GATEWAY_PORT/);
        assert.match(error.message, /KAFKA_BROKERS.*host:port/);
        assert.match(error.message, /CLICKHOUSE_URL/);
        assert.equal(error.problems.length, 3);
        return true;
      },
    );
  });

  it('parses tenant credentials and rejects a plain-text secret', () => {
    const hash = 'scrypt$c2FsdA==$aGFzaA==';
    const env = loadConfig({ TENANT_CREDENTIALS: `uni-a:key-a:${hash},uni-b:key-b:${hash}` });
    assert.deepEqual(
      env.TENANT_CREDENTIALS.map((c) => [c.tenant, c.key]),
      [
        ['uni-a', 'key-a'],
        ['uni-b', 'key-b'],
      ],
    );
    assert.throws(
      () => loadConfig({ TENANT_CREDENTIALS: 'uni-a:key-a:hunter2' }),
      /TENANT_CREDENTIALS.*secretHash/,
    );
  });

  it('reads optional scopes as a 4th part of a credential, `all` when absent', () => {
    const hash = 'scrypt$c2FsdA==$aGFzaA==';
    const env = loadConfig({
      TENANT_CREDENTIALS: `uni-a:key-a:${hash}:statements/write+statements/read,uni-b:key-b:${hash}`,
    });
    assert.deepEqual(
      env.TENANT_CREDENTIALS.map((c) => c.scopes),
      [['statements/write', 'statements/read'], ['all']],
    );
    assert.throws(
      () => loadConfig({ TENANT_CREDENTIALS: `uni-a:key-a:${hash}:statements/everything` }),
      /TENANT_CREDENTIALS/,
    );
  });

  it('reads XAPI_CORS_ORIGINS as * by default or a list of origins', () => {
    assert.deepEqual(loadConfig({}).XAPI_CORS_ORIGINS, ['*']);
    assert.deepEqual(
      loadConfig({ XAPI_CORS_ORIGINS: 'https://lms.example.edu, http://localhost:3000/' })
        .XAPI_CORS_ORIGINS,
      ['https://lms.example.edu', 'http://localhost:3000'],
    );
    assert.throws(() => loadConfig({ XAPI_CORS_ORIGINS: 'lms.example.edu' }), /XAPI_CORS_ORIGINS/);
  });

  it('takes an armored IMPORT_PGP_PRIVATE_KEY and refuses any other text', () => {
    const armored =
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxyz\n-----END PGP PRIVATE KEY BLOCK-----\n';
    const env = loadConfig({ IMPORT_PGP_PRIVATE_KEY: armored, IMPORT_PGP_PASSPHRASE: 'pw' });
    assert.equal(env.IMPORT_PGP_PRIVATE_KEY, armored);
    assert.equal(env.IMPORT_PGP_PASSPHRASE, 'pw');
    assert.equal(loadConfig({}).IMPORT_PGP_PRIVATE_KEY, undefined);
    assert.throws(
      () => loadConfig({ IMPORT_PGP_PRIVATE_KEY: '/path/to/key.asc' }),
      /IMPORT_PGP_PRIVATE_KEY/,
    );
  });

  it('refuses a short demo secret', () => {
    assert.throws(() => loadConfig({ DEMO_LRS_SECRET: 'short' }), /DEMO_LRS_SECRET/);
  });

  it('parses Caliper tokens, the demo token and per-tenant LMS root URLs', () => {
    const env = loadConfig({
      CALIPER_TOKENS: 'acme:sensor-1:scrypt$c2FsdA==$aGFzaA==',
      DEMO_CALIPER_TOKEN: 'demo-caliper.0123456789abcdefghij',
      EDX_LMS_ROOT_URLS: 'acme=https://lms.acme.edu, globex=http://localhost:18000',
    });
    assert.deepEqual(env.CALIPER_TOKENS, [
      { tenant: 'acme', key: 'sensor-1', secretHash: 'scrypt$c2FsdA==$aGFzaA==' },
    ]);
    assert.equal(env.DEMO_CALIPER_TOKEN, 'demo-caliper.0123456789abcdefghij');
    assert.deepEqual(env.EDX_LMS_ROOT_URLS, [
      { tenant: 'acme', url: 'https://lms.acme.edu' },
      { tenant: 'globex', url: 'http://localhost:18000' },
    ]);
  });

  it('refuses a Caliper key with a dot, a short demo token and a short pseudonym key', () => {
    assert.throws(
      () =>
        loadConfig({
          CALIPER_TOKENS: 'acme:sensor.1:scrypt$c2FsdA==$aGFzaA==',
          DEMO_CALIPER_TOKEN: 'demo-caliper.short',
          LEARNER_PSEUDONYM_KEY: 'short',
          EDX_LMS_ROOT_URLS: 'acme=not-a-url',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /CALIPER_TOKENS/);
        assert.match(error.message, /DEMO_CALIPER_TOKEN/);
        assert.match(error.message, /LEARNER_PSEUDONYM_KEY/);
        assert.match(error.message, /EDX_LMS_ROOT_URLS/);
        return true;
      },
    );
  });

  it('reads warehouse retention (0 = forever) and per-table overrides, and refuses bad ones', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.WAREHOUSE_RAW_RETENTION_DAYS, 0);
    assert.equal(defaults.WAREHOUSE_ROLLUP_RETENTION_DAYS, 0);
    assert.deepEqual(defaults.WAREHOUSE_TABLE_RETENTION_DAYS, {});
    assert.equal(defaults.WAREHOUSE_DEDUP_WINDOW_MINUTES, 1440);
    const env = loadConfig({
      WAREHOUSE_RAW_RETENTION_DAYS: '365',
      WAREHOUSE_TABLE_RETENTION_DAYS: 'learning_events=30, video_engagement=0',
    });
    assert.equal(env.WAREHOUSE_RAW_RETENTION_DAYS, 365);
    assert.deepEqual(env.WAREHOUSE_TABLE_RETENTION_DAYS, {
      learning_events: 30,
      video_engagement: 0,
    });
    assert.throws(
      () =>
        loadConfig({
          WAREHOUSE_ROLLUP_RETENTION_DAYS: '-1',
          WAREHOUSE_TABLE_RETENTION_DAYS: 'learning_events:30',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /WAREHOUSE_ROLLUP_RETENTION_DAYS/);
        assert.match(error.message, /WAREHOUSE_TABLE_RETENTION_DAYS/);
        return true;
      },
    );
  });
});
