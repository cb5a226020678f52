/** Parsing both shapes of Open edX events, and the errors for what is not one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEdxEvent, parseEdxEventLine } from './edx-event';
import { type EdxEvent } from './edx-event.types';

function parsed(input: unknown): EdxEvent {
  const result = parseEdxEvent(input);
  assert.ok(result.ok, JSON.stringify(result));
  return result.event;
}

const processed = {
  name: 'play_video',
  timestamp: '2020-07-15T06:52:55.057099+00:00',
  data: { id: 'abc', currentTime: 1.5 },
  context: {
    course_id: 'course-v1:edX+DemoX+Demo_Course',
    user_id: 3,
    username: 'edx',
    session: 's1',
  },
};

const trackingLog = {
  username: 'honor',
  event_type: 'play_video',
  event_source: 'browser',
  time: '2015-04-16T17:10:11.440312+00:00',
  event: '{"id": "abc", "currentTime": 1.5}',
  context: { course_id: 'edX/DemoX/Demo_Course', user_id: 1 },
  page: 'http://localhost:8000/courses/edX/DemoX/Demo_Course/courseware/x/',
};

describe('parseEdxEvent', () => {
  it('reads the eventtracking processed shape (name, data, timestamp)', () => {
    const event = parsed(processed);
    assert.equal(event.shape, 'processed');
    assert.equal(event.name, 'play_video');
    assert.deepEqual(event.data, processed.data);
    assert.equal(event.occurredAt, Date.parse('2020-07-15T06:52:55.057Z'));
    assert.equal(event.userId, '3');
    assert.equal(event.username, 'edx');
    assert.equal(event.sessionId, 's1');
    assert.equal(event.courseKey, 'course-v1:edX+DemoX+Demo_Course');
  });

  it('reads the classic tracking-log shape and parses a JSON-string event', () => {
    const event = parsed(trackingLog);
    assert.equal(event.shape, 'tracking-log');
    assert.equal(event.name, 'play_video');
    assert.equal(event.eventSource, 'browser');
    assert.deepEqual(event.data, { id: 'abc', currentTime: 1.5 });
    assert.equal(event.dataText, null);
  });

  it('reads a server event whose event is an object', () => {
    const event = parsed({ ...trackingLog, event_source: 'server', event: { id: 'abc' } });
    assert.deepEqual(event.data, { id: 'abc' });
  });

  it('keeps an event string that is not JSON (browser problem_check answers)', () => {
    const event = parsed({
      ...trackingLog,
      event_type: 'problem_check',
      event: 'input_x_2_1=choice_0',
    });
    assert.deepEqual(event.data, {});
    assert.equal(event.dataText, 'input_x_2_1=choice_0');
  });

  it('prefers name over event_type (special exams log an older event_type)', () => {
    const event = parsed({
      ...trackingLog,
      name: 'edx.special_exam.practice.attempt.created',
      event_type: 'edx.special_exam.timed.attempt.created',
    });
    assert.equal(event.name, 'edx.special_exam.practice.attempt.created');
    assert.equal(event.eventType, 'edx.special_exam.timed.attempt.created');
  });

  it('normalises the old Org/Course/Run course id to course-v1:Org+Course+Run', () => {
    assert.equal(parsed(trackingLog).courseKey, 'course-v1:edX+DemoX+Demo_Course');
    assert.equal(parsed(trackingLog).rawCourseId, 'edX/DemoX/Demo_Course');
  });

  it('takes the course from data when the context has none', () => {
    const event = parsed({ ...processed, context: {}, data: { course_id: 'course-v1:A+B+C' } });
    assert.equal(event.courseKey, 'course-v1:A+B+C');
  });

  it('takes the course from a URL event_type (implicit page view) when no field names it', () => {
    const event = parsed({
      event_type: '/courses/edX/DemoX/Demo_Course/info',
      time: '2015-04-16T17:10:11+00:00',
      event: '{"POST": {}, "GET": {}}',
      context: {},
    });
    assert.equal(event.courseKey, 'course-v1:edX+DemoX+Demo_Course');
    const modern = parsed({
      event_type: '/courses/course-v1:edX+DemoX+Demo_Course_2015/courseware/a/b/1',
      time: '2015-04-16T17:10:11+00:00',
      context: {},
    });
    assert.equal(modern.courseKey, 'course-v1:edX+DemoX+Demo_Course_2015');
  });

  it('reads a timestamp without a zone as UTC', () => {
    assert.equal(
      parsed({ ...processed, timestamp: '2020-07-15T06:52:55.057099' }).occurredAt,
      Date.UTC(2020, 6, 15, 6, 52, 55, 57),
    );
    assert.equal(
      parsed({ ...processed, timestamp: '2023-08-22T20:16:25.500832Z' }).occurredAt,
      Date.UTC(2023, 7, 22, 20, 16, 25, 500),
    );
    assert.equal(
      parsed({ ...processed, timestamp: '2020-07-15T08:52:55+02:00' }).occurredAt,
      Date.UTC(2020, 6, 15, 6, 52, 55),
    );
  });

  it('flags an event without any user as anonymous', () => {
    const event = parsed({ ...processed, context: { user_id: null, username: '', session: 's2' } });
    assert.equal(event.anonymous, true);
    assert.equal(event.userId, null);
    assert.equal(parsed({ ...trackingLog, username: 'anonymous', context: {} }).anonymous, true);
  });

  it('does not flag an event naming its user only in data', () => {
    const event = parsed({ ...processed, context: {}, data: { username: 'edx' } });
    assert.equal(event.anonymous, false);
    assert.equal(event.username, 'edx');
  });

  it('rejects a value that is not an object', () => {
    for (const input of [null, 'text', 42, [processed]]) {
      assert.deepEqual(parseEdxEvent(input), {
        ok: false,
        errors: [{ path: 'event', rule: 'must be a JSON object' }],
      });
    }
  });

  it('names a missing event name and a missing or unparseable timestamp', () => {
    assert.deepEqual(parseEdxEvent({ data: {} }), {
      ok: false,
      errors: [
        { path: 'event.name', rule: 'name or event_type must be a non-empty string' },
        { path: 'event.timestamp', rule: 'timestamp or time must be a string' },
      ],
    });
    assert.deepEqual(parseEdxEvent({ ...processed, timestamp: 'yesterday' }), {
      ok: false,
      errors: [{ path: 'event.timestamp', rule: 'must be an ISO 8601 date-time' }],
    });
  });

  it('parses a line and keeps its text; bad JSON is an error, not an exception', () => {
    const line = JSON.stringify(processed);
    const result = parseEdxEventLine(line);
    assert.ok(result.ok);
    assert.equal(result.event.sourceText, line);
    assert.deepEqual(parseEdxEventLine('{not json'), {
      ok: false,
      errors: [{ path: 'event', rule: 'must be JSON text' }],
    });
  });
});
