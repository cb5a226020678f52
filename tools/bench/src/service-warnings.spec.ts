import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serviceWarningsReport, warningOf } from './service-warnings';

describe('warningOf', () => {
  it('picks pino lines at warn and above, by label or number', () => {
    assert.equal(warningOf('{"level":"warn","msg":"retrying"}'), 'warn: retrying');
    assert.equal(warningOf('{"level":50,"msg":"insert failed"}'), '50: insert failed');
    assert.equal(warningOf('{"level":"info","msg":"listening"}'), undefined);
    assert.equal(warningOf('{"level":30,"msg":"listening"}'), undefined);
  });

  it('keeps plain lines that say warning or error, and lines that are not JSON', () => {
    assert.equal(warningOf('(node:1) Warning: something'), '(node:1) Warning: something');
    assert.equal(warningOf('Error: boom'), 'Error: boom');
    assert.equal(warningOf('{not json'), '{not json');
    assert.equal(warningOf('ready on port 8080'), undefined);
  });

  it('counts the warnings and lists the most frequent first', () => {
    const lines = [
      '{"level":"warn","msg":"b"}',
      '{"level":"info","msg":"x"}',
      '{"level":"warn","msg":"a"}',
      '{"level":"warn","msg":"a"}',
    ];
    assert.deepEqual(serviceWarningsReport('serve x', lines), [
      'service log of serve x: 3 warnings or errors',
      '  2 x warn: a',
      '  1 x warn: b',
    ]);
    assert.deepEqual(serviceWarningsReport('serve x', []), [
      'service log of serve x: 0 warnings or errors',
    ]);
  });
});
