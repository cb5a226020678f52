import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeWebhookSubscription, webhookRecordKey } from './webhook-subscription.records';
import { WebhookSubscriptionsState } from './webhook-subscriptions.state';
import { deriveWebhookSecret } from './webhook-secret';

const base = {
  type: 'webhook' as const,
  url: 'https://advisers.example/hooks',
  minLevel: 'medium' as const,
  createdAt: '2026-12-01T00:00:00.000Z',
  removedAt: null,
};

describe('WebhookSubscriptionsState', () => {
  it('gives each tenant only its own active subscriptions', () => {
    const state = new WebhookSubscriptionsState();
    const a = { ...base, id: 'wh_aaaaaaaaaaaaaaaa', tenant: 'uni-a' };
    const b = { ...base, id: 'wh_bbbbbbbbbbbbbbbb', tenant: 'uni-b' };
    const gone = { ...base, id: 'wh_cccccccccccccccc', tenant: 'uni-a', removedAt: base.createdAt };
    for (const s of [a, b, gone]) state.apply(webhookRecordKey(s.id), encodeWebhookSubscription(s));
    assert.deepEqual(
      state.activeFor('uni-a').map((s) => s.id),
      [a.id],
    );
    assert.deepEqual(
      state.activeFor('uni-b').map((s) => s.id),
      [b.id],
    );
    assert.equal(state.all().length, 3);
  });

  it('refuses a malformed record, a non-http url and a record under another id', () => {
    const state = new WebhookSubscriptionsState();
    const s = { ...base, id: 'wh_aaaaaaaaaaaaaaaa', tenant: 'uni' };
    assert.throws(() => {
      state.apply(webhookRecordKey(s.id), '{"type":"webhook"}');
    });
    assert.throws(() => encodeWebhookSubscription({ ...s, url: 'file:///etc/passwd' }));
    assert.throws(() => {
      state.apply(webhookRecordKey('wh_bbbbbbbbbbbbbbbb'), encodeWebhookSubscription(s));
    });
  });
});

describe('deriveWebhookSecret', () => {
  it('is stable per key and id and differs between ids and keys', () => {
    const key = 'k'.repeat(32);
    const one = deriveWebhookSecret(key, 'wh_aaaaaaaaaaaaaaaa');
    assert.equal(one, deriveWebhookSecret(key, 'wh_aaaaaaaaaaaaaaaa'));
    assert.match(one, /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(one, deriveWebhookSecret(key, 'wh_bbbbbbbbbbbbbbbb'));
    assert.notEqual(one, deriveWebhookSecret('j'.repeat(32), 'wh_aaaaaaaaaaaaaaaa'));
  });
});
