import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeStoredStatement, learningEventCodec } from '@learnpulse/events';
import { parseEdxEvent } from './edx-event';
import { type EdxEvent } from './edx-event.types';
import { NO_COURSE_METADATA } from './edx-to-xapi.mapper';
import { credentialAuthority } from '@learnpulse/xapi';
import { edxEventRecords, type EdxRecordOptions } from './edx-event-records';

const receivedAt = Date.UTC(2024, 4, 2, 8);
const options: EdxRecordOptions = {
  credential: { tenant: 'acme', key: 'acme-lms' },
  receivedAt,
  learnerIds: (event) => `p-${event.userId ?? event.sessionId ?? 'anon'}`,
  courses: NO_COURSE_METADATA,
};

function edx(raw: Record<string, unknown>): EdxEvent {
  const parsed = parseEdxEvent(raw);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.event;
}

const enrolment = edx({
  name: 'edx.course.enrollment.activated',
  timestamp: '2024-05-01T12:00:00.000000+00:00',
  context: { user_id: 7, course_id: 'course-v1:Org+C1+2024', host: 'lms.example' },
  data: { course_id: 'course-v1:Org+C1+2024', user_id: 7, mode: 'audit' },
});
const unknown = edx({
  name: 'acme.custom.thing',
  timestamp: '2024-05-01T12:01:00Z',
  context: { user_id: 7 },
});
const anonymous = edx({
  event_type: '/courses/course-v1:Org+C1+2024/about',
  time: '2024-05-01T12:02:00Z',
  username: '',
  session: 'sess-1',
  event: '{}',
});

describe('edxEventRecords', () => {
  const { records, counts } = edxEventRecords([enrolment, unknown, anonymous], options);
  const topic = (name: string) => records.find((record) => record.topic === name);

  it('writes one LearningEvent per event, keyed tenant:learnerId, flags and counts', () => {
    const events = topic('learning.events.v1')?.messages ?? [];
    assert.equal(events.length, 3);
    const decoded = events.map((message) => learningEventCodec.decode(message.value as Buffer));
    assert.deepEqual(
      events.map((message) => message.key),
      decoded.map((event) => `acme:${event.learnerId}`),
    );
    assert.deepEqual(
      decoded.map((event) => [event.source, event.action, event.learnerAnonymous]),
      [
        ['edx', 'enrolled', false],
        ['edx', 'other', false],
        ['edx', 'viewed', true],
      ],
    );
    assert.deepEqual(counts, {
      accepted: 3,
      statements: 1,
      unknown: 1,
      anonymous: 1,
      invalidStatements: 0,
    });
  });

  it('writes the xAPI statement as the LRS stores it, and no second LearningEvent for it', () => {
    const statements = topic('xapi.statements.v1')?.messages ?? [];
    assert.equal(statements.length, 1);
    const stored = decodeStoredStatement(statements[0]?.value as Buffer);
    assert.equal(statements[0]?.key, `acme:${stored.statementId}`);
    assert.equal(stored.tenant, 'acme');
    assert.equal(stored.stored, new Date(receivedAt).toISOString());
    assert.deepEqual(stored.authority, credentialAuthority(options.credential));
    assert.deepEqual(
      (stored.statement as { verb?: { id?: string } }).verb?.id,
      'http://adlnet.gov/expapi/verbs/registered',
    );
    assert.equal(stored.version, '1.0.3');
    assert.equal(records.length, 2);
  });

  it('derives the same ids from the same events (a re-send deduplicates)', () => {
    const again = edxEventRecords([enrolment, unknown, anonymous], {
      ...options,
      receivedAt: receivedAt + 60_000,
    });
    const ids = (result: typeof again) =>
      result.records.flatMap((record) =>
        record.messages.map((message) =>
          record.topic === 'xapi.statements.v1'
            ? decodeStoredStatement(message.value as Buffer).statementId
            : learningEventCodec.decode(message.value as Buffer).eventId,
        ),
      );
    assert.deepEqual(ids(again), ids({ records, counts }));
  });

  it('leaves out derived statements that are not valid xAPI, keeping their events', () => {
    // A browser problem_check whose answers name no problem: Open edX's statement has no
    // object IRI, which the LRS would refuse.
    const problemCheck = edx({
      event_type: 'problem_check',
      event_source: 'browser',
      time: '2024-05-01T12:03:00Z',
      username: 'ana',
      context: { user_id: 7, course_id: 'course-v1:Org+C1+2024' },
      event: '"input_x=1"',
    });
    const result = edxEventRecords([problemCheck], options);
    assert.equal(result.counts.accepted, 1);
    assert.equal(result.counts.statements, 0);
    assert.equal(result.counts.invalidStatements, 1);
    assert.deepEqual(
      result.records.map((record) => record.topic),
      ['learning.events.v1'],
    );
  });
});
