import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edxBodyFormat, isCaliperMediaType, mediaTypeOf } from './media-type';

describe('media types', () => {
  it('reads the media type without parameters, in lower case', () => {
    assert.equal(mediaTypeOf('Application/JSON; charset=utf-8'), 'application/json');
    assert.equal(mediaTypeOf(undefined), undefined);
    assert.equal(mediaTypeOf(''), undefined);
  });

  it('takes NDJSON and text/plain as NDJSON, application/json as JSON, nothing else for edX', () => {
    assert.equal(edxBodyFormat('application/x-ndjson'), 'ndjson');
    assert.equal(edxBodyFormat('text/plain; charset=utf-8'), 'ndjson');
    assert.equal(edxBodyFormat('application/json'), 'json');
    assert.equal(edxBodyFormat('application/ld+json'), undefined);
    assert.equal(edxBodyFormat(undefined), undefined);
  });

  it('takes application/json and application/ld+json for Caliper', () => {
    assert.ok(isCaliperMediaType('application/json'));
    assert.ok(isCaliperMediaType('application/ld+json; charset=utf-8'));
    assert.ok(!isCaliperMediaType('application/x-ndjson'));
    assert.ok(!isCaliperMediaType(undefined));
  });
});
