import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CALIPER_TOKEN_PATTERN } from '@learnpulse/config';
import { DEMO_CALIPER_TOKEN_KEY, loadOrCreateLocalSecrets } from './local-secrets';

const home = (): string => mkdtempSync(path.join(tmpdir(), 'learnpulse-secrets-'));

describe('loadOrCreateLocalSecrets', () => {
  it('generates every secret once, mode 600, and returns the same ones on the next start', () => {
    const dir = home();
    const first = loadOrCreateLocalSecrets(dir);
    assert.ok(first.demoLrsSecret.length >= 12);
    assert.ok(first.learnerPseudonymKey.length >= 32);
    assert.match(first.demoCaliperToken, CALIPER_TOKEN_PATTERN);
    assert.ok(first.demoCaliperToken.startsWith(`${DEMO_CALIPER_TOKEN_KEY}.`));
    assert.equal(statSync(path.join(dir, 'demo-secrets.json')).mode & 0o777, 0o600);
    assert.deepEqual(loadOrCreateLocalSecrets(dir), first);
  });

  it('keeps the secrets of an older file and adds the missing ones', () => {
    const dir = home();
    const file = path.join(dir, 'demo-secrets.json');
    const old = { demoLrsSecret: 'kept-lrs-secret-1', metricsToken: 'kept-metrics-token-123' };
    writeFileSync(file, JSON.stringify(old));
    const secrets = loadOrCreateLocalSecrets(dir);
    assert.equal(secrets.demoLrsSecret, old.demoLrsSecret);
    assert.equal(secrets.metricsToken, old.metricsToken);
    assert.match(secrets.demoCaliperToken, CALIPER_TOKEN_PATTERN);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), secrets);
  });
});
