import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  boundaryOf,
  encodeMultipartMixed,
  MultipartError,
  mediaType,
  parseMultipartMixed,
} from './multipart';

const TYPE = 'multipart/mixed; boundary=abc123';
const body = (text: string) => Buffer.from(text, 'latin1');

describe('boundaryOf', () => {
  it('reads a plain or quoted boundary, whatever the parameter case', () => {
    assert.equal(boundaryOf('multipart/mixed; boundary=abc'), 'abc');
    assert.equal(boundaryOf('multipart/mixed; charset=x; BOUNDARY="a b:c"'), 'a b:c');
  });

  it('refuses a missing or invalid boundary', () => {
    assert.throws(() => boundaryOf('multipart/mixed'), MultipartError);
    assert.throws(() => boundaryOf('multipart/mixed; boundary='), MultipartError);
    assert.throws(() => boundaryOf(`multipart/mixed; boundary=${'x'.repeat(71)}`), MultipartError);
  });
});

describe('mediaType', () => {
  it('drops the parameters and lower-cases', () => {
    assert.equal(mediaType('Application/JSON; charset=utf-8'), 'application/json');
    assert.equal(mediaType(undefined), '');
  });
});

describe('parseMultipartMixed', () => {
  it('splits parts with their headers, ignoring preamble and epilogue', () => {
    const parts = parseMultipartMixed(
      body(
        'preamble\r\n--abc123\r\nContent-Type: application/json\r\n\r\n[1]\r\n' +
          '--abc123  \r\ncontent-transfer-encoding: binary\r\nX-Experience-API-Hash: AB\r\n\r\n' +
          'line1\r\nline2\r\n\r\n--abc123--\r\nepilogue',
      ),
      TYPE,
    );
    assert.equal(parts.length, 2);
    const [json, attachment] = parts;
    assert.ok(json && attachment);
    assert.deepEqual(json.headers, { 'content-type': 'application/json' });
    assert.equal(json.body.toString(), '[1]');
    assert.deepEqual(attachment.headers, {
      'content-transfer-encoding': 'binary',
      'x-experience-api-hash': 'AB',
    });
    assert.equal(attachment.body.toString(), 'line1\r\nline2\r\n');
  });

  it('keeps binary bytes, including CRLF and a near-boundary, untouched', () => {
    const bytes = Buffer.from([0, 255, 13, 10, 45, 45, 97, 98, 99, 0x80]);
    const raw = Buffer.concat([
      body('--abc123\r\nContent-Type: application/octet-stream\r\n\r\n'),
      bytes,
      body('\r\n--abc123--'),
    ]);
    const [part] = parseMultipartMixed(raw, TYPE);
    assert.ok(part?.body.equals(bytes));
  });

  it('accepts parts without headers or without a body', () => {
    const parts = parseMultipartMixed(
      body('--abc123\r\n\r\nno headers\r\n--abc123\r\nA: b\r\n\r\n--abc123--'),
      TYPE,
    );
    assert.deepEqual(
      parts.map((p) => [p.headers, p.body.toString()]),
      [
        [{}, 'no headers'],
        [{ a: 'b' }, ''],
      ],
    );
  });

  it('joins folded header lines', () => {
    const [part] = parseMultipartMixed(
      body('--abc123\r\nX-Long: one\r\n two\r\n\r\nx\r\n--abc123--'),
      TYPE,
    );
    assert.equal(part?.headers['x-long'], 'one two');
  });

  it('refuses a body without delimiter, without close delimiter, or with a bad header', () => {
    assert.throws(() => parseMultipartMixed(body('just text'), TYPE), /no multipart delimiter/);
    assert.throws(
      () => parseMultipartMixed(body('--abc123\r\nA: b\r\n\r\nx'), TYPE),
      /no closing delimiter/,
    );
    assert.throws(
      () => parseMultipartMixed(body('--abc123\r\nnot a header\r\n\r\nx\r\n--abc123--'), TYPE),
      /malformed part header/,
    );
    assert.throws(
      () => parseMultipartMixed(body('--abc123garbage\r\n\r\nx\r\n--abc123--'), TYPE),
      /not followed by CRLF/,
    );
  });
});

describe('encodeMultipartMixed', () => {
  it('writes the JSON first, then each attachment with its hash, and parses back', () => {
    const content = Buffer.from([1, 2, 3, 13, 10, 0]);
    const encoded = encodeMultipartMixed({ statements: [] }, [
      { sha2: 'ff00', contentType: 'image/png', content },
    ]);
    assert.match(encoded.contentType, /^multipart\/mixed; boundary=xapi-[0-9a-f]+$/);
    const parts = parseMultipartMixed(encoded.body, encoded.contentType);
    assert.equal(parts.length, 2);
    const [json, attachment] = parts;
    assert.ok(json && attachment);
    assert.equal(json.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(json.body.toString()), { statements: [] });
    assert.deepEqual(attachment.headers, {
      'content-type': 'image/png',
      'content-transfer-encoding': 'binary',
      'x-experience-api-hash': 'ff00',
    });
    assert.ok(attachment.body.equals(content));
  });

  it('writes just the JSON part when there are no attachments', () => {
    const encoded = encodeMultipartMixed([1], []);
    assert.equal(parseMultipartMixed(encoded.body, encoded.contentType).length, 1);
  });
});
