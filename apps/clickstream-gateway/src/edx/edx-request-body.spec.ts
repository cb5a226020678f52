import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_REPORTED_ERRORS, readEdxRequestBody } from './edx-request-body';

const event = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name, timestamp: '2024-05-01T12:00:00Z', context: { user_id: 7 }, ...extra });

describe('readEdxRequestBody (NDJSON)', () => {
  it('reads one event per line, skipping blank lines and CRLF endings, keeping each line as payload', () => {
    const body = `${event('play_video')}\r\n\n${event('pause_video')}\n`;
    const result = readEdxRequestBody('ndjson', body);
    assert.ok(result.ok);
    assert.deepEqual(
      result.events.map((e) => e.name),
      ['play_video', 'pause_video'],
    );
    assert.equal(result.events[0]?.sourceText, event('play_video'));
  });

  it('lists every bad line with its line number (blank lines counted) and the rule', () => {
    const body = `${event('play_video')}\n\nnot json\n{"name":"x"}\n`;
    const result = readEdxRequestBody('ndjson', body);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      { line: 3, path: 'event', rule: 'must be JSON text' },
      { line: 4, path: 'event.timestamp', rule: 'timestamp or time must be a string' },
    ]);
    assert.equal(result.total, 2);
    assert.equal(result.items, 3);
  });

  it(`lists at most ${MAX_REPORTED_ERRORS} problems but counts them all`, () => {
    const body = Array.from({ length: 150 }, () => 'nope').join('\n');
    const result = readEdxRequestBody('ndjson', body);
    assert.ok(!result.ok);
    assert.equal(result.errors.length, MAX_REPORTED_ERRORS);
    assert.equal(result.total, 150);
    assert.equal(result.errors.at(-1)?.line, MAX_REPORTED_ERRORS);
  });

  it('refuses a body without any event', () => {
    const result = readEdxRequestBody('ndjson', '\n  \n');
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      { line: 1, path: 'body', rule: 'must hold at least one event' },
    ]);
  });
});

describe('readEdxRequestBody (JSON)', () => {
  it('reads an array of events and a single event object', () => {
    const array = readEdxRequestBody('json', `[${event('play_video')},${event('seq_goto')}]`);
    assert.ok(array.ok);
    assert.equal(array.events.length, 2);
    const single = readEdxRequestBody('json', event('play_video'));
    assert.ok(single.ok);
    assert.equal(single.events.length, 1);
  });

  it('names array items by their 1-based position', () => {
    const result = readEdxRequestBody('json', `[${event('play_video')}, 42]`);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [{ line: 2, path: 'event', rule: 'must be a JSON object' }]);
  });

  it('says why a body that is not JSON is refused, and refuses an empty array', () => {
    const broken = readEdxRequestBody('json', '[{"name":');
    assert.ok(!broken.ok);
    assert.equal(broken.errors[0]?.path, 'body');
    assert.match(JSON.stringify(broken.errors), /must be JSON \(/);
    const empty = readEdxRequestBody('json', '[]');
    assert.ok(!empty.ok);
    assert.equal(empty.errors[0]?.rule, 'must hold at least one event');
  });
});
