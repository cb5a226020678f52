import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { attachmentRow } from './attachment.row';
import { RowMappingError } from './row-mapping';

const content = Buffer.from([0, 255, 1, 128, 13, 10]);
const sha2 = createHash('sha256').update(content).digest('hex');

describe('attachmentRow', () => {
  it('takes tenant and sha2 from the key, the type from the header, the bytes as base64', () => {
    const row = attachmentRow(content, {
      key: Buffer.from(`uni:north:${sha2}`),
      headers: { 'content-type': Buffer.from('image/png') },
    });
    assert.deepEqual(row, {
      tenant: 'uni:north',
      sha2,
      content_type: 'image/png',
      content_base64: content.toString('base64'),
    });
    assert.ok(Buffer.from(row.content_base64, 'base64').equals(content));
  });

  it('accepts the longer SHA-2 variants', () => {
    const sha512 = createHash('sha512').update(content).digest('hex');
    const row = attachmentRow(content, {
      key: `acme:${sha512.toUpperCase()}`,
      headers: { 'content-type': 'application/pdf' },
    });
    assert.equal(row.sha2, sha512);
  });

  it('refuses a record whose key, hash or content type does not hold', () => {
    const headers = { 'content-type': 'text/plain' };
    assert.throws(() => attachmentRow(content, { key: null, headers }), RowMappingError);
    assert.throws(() => attachmentRow(content, { key: sha2, headers }), /tenant:sha2/);
    assert.throws(
      () => attachmentRow(Buffer.from('other'), { key: `acme:${sha2}`, headers }),
      /SHA-2/,
    );
    assert.throws(() => attachmentRow(content, { key: `acme:${sha2}` }), /content-type/);
  });
});
