import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signatureHeader, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"a":1}';

  it('is HMAC-SHA256 over "<t>.<body>" in t=…,v1=… form', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    assert.equal(signatureHeader(secret, 1700000000, body), `t=1700000000,v1=${expected}`);
  });

  it('verifies the right body and secret within the tolerance', () => {
    const header = signatureHeader(secret, 1700000000, body);
    assert.equal(verifyWebhookSignature(secret, header, body, { nowSeconds: 1700000100 }), true);
  });

  it('refuses another body, another secret, an old timestamp and a malformed header', () => {
    const header = signatureHeader(secret, 1700000000, body);
    const at = { nowSeconds: 1700000000 };
    assert.equal(verifyWebhookSignature(secret, header, '{"a":2}', at), false);
    assert.equal(verifyWebhookSignature('whsec_other', header, body, at), false);
    assert.equal(verifyWebhookSignature(secret, header, body, { nowSeconds: 1700000301 }), false);
    assert.equal(verifyWebhookSignature(secret, 'v1=abc', body, at), false);
    assert.equal(verifyWebhookSignature(secret, undefined, body, at), false);
  });
});
