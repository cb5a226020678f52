import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidJsonBodyError, UnsupportedMediaTypeError } from '../http/http.errors';
import { encodeMultipartMixed } from '../attachments/multipart';
import { decodeStatementsRequest } from './statements-request';

describe('decodeStatementsRequest', () => {
  it('passes a parsed JSON body through', () => {
    assert.deepEqual(decodeStatementsRequest('application/json; charset=utf-8', [1]), {
      body: [1],
      parts: null,
    });
  });

  it('takes the statements from the first multipart part and the rest as attachments', () => {
    const content = Buffer.from('x');
    const { contentType, body } = encodeMultipartMixed({ a: 1 }, [
      { sha2: 'ab', contentType: 'text/plain', content },
    ]);
    const decoded = decodeStatementsRequest(contentType, body);
    assert.deepEqual(decoded.body, { a: 1 });
    const [part] = decoded.parts ?? [];
    assert.equal(decoded.parts?.length, 1);
    assert.ok(part?.body.equals(content));
  });

  it('refuses other media types, a non-JSON first part and bad JSON', () => {
    assert.throws(() => decodeStatementsRequest('text/plain', 'x'), UnsupportedMediaTypeError);
    assert.throws(() => decodeStatementsRequest(undefined, {}), UnsupportedMediaTypeError);
    const boundary = 'multipart/mixed; boundary=b';
    assert.throws(
      () =>
        decodeStatementsRequest(
          boundary,
          Buffer.from('--b\r\nContent-Type: text/plain\r\n\r\n{}\r\n--b--'),
        ),
      /must be application\/json/,
    );
    assert.throws(
      () =>
        decodeStatementsRequest(
          boundary,
          Buffer.from('--b\r\nContent-Type: application/json\r\n\r\n{nope\r\n--b--'),
        ),
      InvalidJsonBodyError,
    );
  });
});
