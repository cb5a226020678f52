import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  checkJsonAttachments,
  InvalidAttachmentsError,
  matchAttachmentParts,
  sha2Hex,
} from './attachment-parts';
import { type MultipartPart } from './multipart';

const content = Buffer.from('essay text\r\n');
const sha2 = createHash('sha256').update(content).digest('hex');

function statementWith(...attachments: Record<string, unknown>[]) {
  return { actor: {}, verb: {}, object: {}, attachments };
}
const declared = (overrides: Record<string, unknown> = {}) => ({
  usageType: 'http://example.com/essay',
  display: { en: 'essay' },
  contentType: 'text/plain',
  length: content.length,
  sha2,
  ...overrides,
});
function part(headers: Record<string, string>, body = content): MultipartPart {
  return { headers, body };
}
const goodHeaders = { 'x-experience-api-hash': sha2, 'content-transfer-encoding': 'binary' };

describe('sha2Hex', () => {
  it('picks the SHA-2 variant from the hex length', () => {
    for (const algorithm of ['sha224', 'sha256', 'sha384', 'sha512']) {
      const hex = createHash(algorithm).update(content).digest('hex');
      assert.equal(sha2Hex(content, hex), hex);
    }
    assert.equal(sha2Hex(content, 'abc'), null);
  });
});

describe('checkJsonAttachments', () => {
  it('accepts attachments with a fileUrl and refuses those without', () => {
    checkJsonAttachments([statementWith(declared({ fileUrl: 'https://x.example/e' }))]);
    assert.throws(
      () => {
        checkJsonAttachments([{}, statementWith(declared())]);
      },
      (error: unknown) =>
        error instanceof InvalidAttachmentsError && /statements\[1\]/.test(error.message),
    );
  });
});

describe('matchAttachmentParts', () => {
  it('returns each declared part once, with the declared content type', () => {
    const attachments = matchAttachmentParts(
      [statementWith(declared()), statementWith(declared({ sha2: sha2.toUpperCase() }))],
      [part({ ...goodHeaders, 'content-type': 'text/plain; charset=utf-8' })],
    );
    assert.deepEqual(attachments, [{ sha2, contentType: 'text/plain', content }]);
  });

  it('needs no part for an attachment with a fileUrl, and takes one if sent', () => {
    const statements = [statementWith(declared({ fileUrl: 'https://x.example/e' }))];
    assert.deepEqual(matchAttachmentParts(statements, []), []);
    assert.equal(matchAttachmentParts(statements, [part(goodHeaders)]).length, 1);
  });

  it('refuses a declared attachment with neither fileUrl nor part', () => {
    assert.throws(() => matchAttachmentParts([statementWith(declared())], []), /no multipart part/);
  });

  it('refuses a part whose hash does not match its content', () => {
    assert.throws(
      () =>
        matchAttachmentParts(
          [statementWith(declared())],
          [part(goodHeaders, Buffer.from('something else'))],
        ),
      /is not the SHA-2 of its content/,
    );
  });

  it('refuses a part no statement declares', () => {
    const other = Buffer.from('other');
    const otherSha = createHash('sha256').update(other).digest('hex');
    assert.throws(
      () =>
        matchAttachmentParts(
          [statementWith(declared())],
          [part(goodHeaders), part({ ...goodHeaders, 'x-experience-api-hash': otherSha }, other)],
        ),
      /matches no attachment/,
    );
  });

  it('refuses a part without hash header or binary transfer encoding', () => {
    const statements = [statementWith(declared())];
    assert.throws(
      () => matchAttachmentParts(statements, [part({ 'content-transfer-encoding': 'binary' })]),
      /no X-Experience-API-Hash/,
    );
    assert.throws(
      () => matchAttachmentParts(statements, [part({ 'x-experience-api-hash': sha2 })]),
      /Content-Transfer-Encoding: binary/,
    );
    assert.throws(
      () =>
        matchAttachmentParts(statements, [
          part({ ...goodHeaders, 'content-transfer-encoding': 'base64' }),
        ]),
      /got "base64"/,
    );
  });
});
