import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isAbsoluteIri,
  isIsoDuration,
  isLanguageTag,
  isMailtoIri,
  isSha1Hex,
  isUuid,
  parseIsoTimestamp,
} from './formats';

describe('xAPI value formats', () => {
  it('accepts absolute IRIs with any scheme and refuses relative or spaced ones', () => {
    for (const iri of [
      'http://adlnet.gov/expapi/verbs/completed',
      'https://example.org/a?b=c#d',
      'urn:uuid:0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11',
      'tag:example.org,2024:xyz',
      'http://例え.jp/ページ',
    ]) {
      assert.equal(isAbsoluteIri(iri), true, iri);
    }
    for (const bad of [
      'completed',
      '/relative/path',
      '438AD672-DE2C-4F0B-8876-35444E7DD746',
      'http://a b',
      'http:',
      '',
      42,
      null,
    ]) {
      assert.equal(isAbsoluteIri(bad), false, String(bad));
    }
  });

  it('accepts RFC 4122 UUIDs of any version in either case', () => {
    assert.equal(isUuid('f7c8b743-f18f-5016-8455-35ff8a2f8020'), true);
    assert.equal(isUuid('F7C8B743-F18F-4016-A455-35FF8A2F8020'), true);
    assert.equal(isUuid('f7c8b743-f18f-0016-8455-35ff8a2f8020'), false, 'version 0');
    assert.equal(isUuid('f7c8b743-f18f-5016-c455-35ff8a2f8020'), false, 'wrong variant');
    assert.equal(isUuid('f7c8b743f18f5016845535ff8a2f8020'), false, 'no dashes');
    assert.equal(isUuid(12), false);
  });

  it('parses ISO 8601 timestamps with a zone, to the millisecond', () => {
    assert.equal(parseIsoTimestamp('2015-06-10T14:31:41.000Z'), Date.UTC(2015, 5, 10, 14, 31, 41));
    assert.equal(
      parseIsoTimestamp('2020-07-15T06:46:41.543562+00:00'),
      Date.UTC(2020, 6, 15, 6, 46, 41, 543),
    );
    assert.equal(parseIsoTimestamp('2024-01-01T02:00:00+02:00'), Date.UTC(2024, 0, 1));
    assert.equal(parseIsoTimestamp('2024-01-01T00:00:00-0130'), Date.UTC(2024, 0, 1, 1, 30));
    assert.equal(parseIsoTimestamp('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  });

  it('reads a zone-less timestamp as UTC and refuses impossible dates', () => {
    assert.equal(parseIsoTimestamp('2024-01-01T00:00:00'), Date.UTC(2024, 0, 1));
    assert.equal(parseIsoTimestamp('20240101T013000Z'), Date.UTC(2024, 0, 1, 1, 30));
    assert.equal(
      parseIsoTimestamp('2008-09-15 15:53:00.601+00:00'),
      Date.UTC(2008, 8, 15, 15, 53, 0, 601),
    );
    for (const bad of [
      '2024-01-01',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-01-01T24:00:00Z',
      'yesterday',
      1704067200000,
    ]) {
      assert.equal(parseIsoTimestamp(bad), null, String(bad));
    }
  });

  it('knows leap years by the Gregorian rule and reads years below 100 as written', () => {
    assert.equal(parseIsoTimestamp('2000-02-29T00:00:00Z'), Date.UTC(2000, 1, 29));
    assert.equal(parseIsoTimestamp('1900-02-29T00:00:00Z'), null);
    assert.equal(parseIsoTimestamp('2100-02-29T00:00:00Z'), null);
    assert.equal(parseIsoTimestamp('2023-04-31T00:00:00Z'), null);
    assert.equal(parseIsoTimestamp('0050-03-01T12:00:00Z'), Date.parse('0050-03-01T12:00:00Z'));
    // Every day of 2023-2024 at a fixed time agrees with the engine's own parser.
    for (let day = 0; day < 731; day++) {
      const text = new Date(Date.UTC(2023, 0, 1 + day, 13, 5, 7, 250)).toISOString();
      assert.equal(parseIsoTimestamp(text), Date.parse(text), text);
    }
  });

  it('checks durations, language tags, mailto IRIs and SHA-1 sums', () => {
    for (const d of ['PT03M15S', 'PT0S', 'P1DT2H', 'PT1.5S', 'P2W'])
      assert.equal(isIsoDuration(d), true, d);
    for (const d of ['P', 'PT', '15S', 'PT1H2', '1 minute'])
      assert.equal(isIsoDuration(d), false, d);
    for (const tag of [
      'en',
      'en-US',
      'zh-Hant-TW',
      'und',
      'sr-Latn-RS',
      'es-419',
      'de-CH-1901',
      'zh-min-nan',
      'en-GB-oed',
      'x-private',
      'en-a-bbb-x-a-ccc',
    ])
      assert.equal(isLanguageTag(tag), true, tag);
    for (const tag of ['', 'en_US', 'english language', '-en', 'en-', 'a', 'en-US-x', 'abcdefghi'])
      assert.equal(isLanguageTag(tag), false, tag);
    assert.equal(isMailtoIri('mailto:jane@example.edu'), true);
    assert.equal(isMailtoIri('jane@example.edu'), false);
    assert.equal(isMailtoIri('mailto:jane'), false);
    assert.equal(isSha1Hex('ebd31e95054c018b10727ccffd2ef2ec3a016ee9'), true);
    assert.equal(isSha1Hex('ebd31e95054c018b10727ccffd2ef2ec3a016ee'), false);
  });
});
