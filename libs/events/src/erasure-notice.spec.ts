import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeErasureNotice, encodeErasureNotice, erasureNoticeKey } from './erasure-notice';
import { SchemaDecodeError } from './schema-errors';

const notice = { tenant: 'demo', learnerId: 'p-1', auditId: 'a-1', erasedAt: 1_700_000_000_000 };

describe('erasure notice', () => {
  it('round-trips and is keyed by tenant and learner', () => {
    assert.deepEqual(decodeErasureNotice(encodeErasureNotice(notice)), notice);
    assert.equal(erasureNoticeKey(notice), 'demo:p-1');
  });

  it('names the bad field of a malformed value', () => {
    const bad = Buffer.from(JSON.stringify({ ...notice, learnerId: '' }));
    assert.throws(
      () => decodeErasureNotice(bad),
      (error: unknown) => error instanceof SchemaDecodeError && /learnerId/.test(error.message),
    );
    assert.throws(() => decodeErasureNotice(Buffer.from('{')), SchemaDecodeError);
  });

  it('refuses to encode a notice without its audit id', () => {
    assert.throws(() => encodeErasureNotice({ ...notice, auditId: '' }));
  });
});
