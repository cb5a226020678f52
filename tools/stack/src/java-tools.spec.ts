import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJavaMajorVersion } from './java-tools';

describe('parseJavaMajorVersion', () => {
  it('reads the major version of current and legacy version strings', () => {
    assert.equal(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15'), 17);
    assert.equal(parseJavaMajorVersion('openjdk version "21" 2023-09-19'), 21);
    assert.equal(parseJavaMajorVersion('java version "1.8.0_392"'), 8);
    assert.equal(parseJavaMajorVersion('openjdk version "25-ea" 2025-09-16'), 25);
  });

  it('returns undefined for output without a version', () => {
    assert.equal(parseJavaMajorVersion('command not found'), undefined);
  });
});
