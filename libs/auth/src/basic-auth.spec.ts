import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBasicAuthorization } from './basic-auth';

const encode = (text: string): string => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicAuthorization', () => {
  it('splits key and secret at the first colon', () => {
    assert.deepEqual(parseBasicAuthorization(encode('key:se:cret')), {
      key: 'key',
      secret: 'se:cret',
    });
  });

  it('returns null for a missing header, another scheme, or no key', () => {
    assert.equal(parseBasicAuthorization(undefined), null);
    assert.equal(parseBasicAuthorization('Bearer abc'), null);
    assert.equal(parseBasicAuthorization(encode(':secret')), null);
    assert.equal(parseBasicAuthorization(encode('nocolon')), null);
  });
});
