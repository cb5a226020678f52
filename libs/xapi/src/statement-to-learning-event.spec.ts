import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorLearnerId } from './learner-id';
import { type XapiStatement } from './statement.types';
import { statementToLearningEvent } from './statement-to-learning-event';

const receivedAt = Date.UTC(2024, 4, 1, 12, 0, 5);
const COURSE = 'http://adlnet.gov/expapi/activities/course';

function statement(overrides: Partial<XapiStatement> = {}): XapiStatement {
  return {
    id: '0E9C4D5A-1B0A-4F4E-9A6A-3D2B8F1F7C11',
    actor: { mbox: 'mailto:a@b.c' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: {
      id: 'https://lms.example/course/42/unit/1',
      definition: { type: 'http://adlnet.gov/expapi/activities/module' },
    },
    timestamp: '2024-05-01T11:59:00.250+00:00',
    ...overrides,
  };
}

describe('statementToLearningEvent', () => {
  it('maps ids, actor, object, action, times and payload', () => {
    const input = statement({
      result: { score: { raw: 8, min: 0, max: 10, scaled: 0.8 } },
      context: {
        contextActivities: {
          parent: [{ id: 'https://lms.example/course/42', definition: { type: COURSE } }],
        },
      },
    });
    assert.deepEqual(statementToLearningEvent('acme', input, receivedAt), {
      eventId: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11',
      tenant: 'acme',
      source: 'xapi',
      learnerId: 'mbox:mailto:a@b.c',
      learnerAnonymous: false,
      courseId: 'https://lms.example/course/42',
      objectId: 'https://lms.example/course/42/unit/1',
      objectType: 'module',
      action: 'completed',
      score: { raw: 8, min: 0, max: 10, scaled: 0.8 },
      occurredAt: Date.UTC(2024, 4, 1, 11, 59, 0, 250),
      receivedAt,
      payload: JSON.stringify(input),
    });
  });

  it('derives learner ids from each kind of identifier', () => {
    assert.equal(
      actorLearnerId({ account: { homePage: 'https://lms.example', name: '123' } }),
      'account:https://lms.example|123',
    );
    assert.equal(
      actorLearnerId({ mbox_sha1sum: 'EBD31E95054C018B10727CCFFD2EF2EC3A016EE9' }),
      'mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9',
    );
    assert.equal(
      actorLearnerId({ openid: 'https://id.example/jane' }),
      'openid:https://id.example/jane',
    );
    assert.equal(
      actorLearnerId({
        objectType: 'Group',
        member: [{ mbox: 'mailto:z@x.org' }, { mbox: 'mailto:a@x.org' }],
      }),
      'group:[mbox:mailto:a@x.org,mbox:mailto:z@x.org]',
    );
  });

  it('prefers a course-typed grouping or parent activity for the course', () => {
    const event = statementToLearningEvent(
      'acme',
      statement({
        context: {
          contextActivities: {
            parent: [
              { id: 'https://lms.example/quiz/7' },
              { id: 'https://lms.example/c/2', definition: { type: COURSE } },
            ],
            grouping: [{ id: 'https://lms.example/c/1', definition: { type: COURSE } }],
          },
        },
      }),
      receivedAt,
    );
    assert.equal(event.courseId, 'https://lms.example/c/1');
  });

  it('falls back to the first parent, then to no course', () => {
    const withParent = statement({
      context: { contextActivities: { parent: { id: 'https://lms.example/quiz/7' } } },
    });
    assert.equal(
      statementToLearningEvent('acme', withParent, receivedAt).courseId,
      'https://lms.example/quiz/7',
    );
    assert.equal(statementToLearningEvent('acme', statement(), receivedAt).courseId, null);
  });

  it('uses the object as the course when the learner acts on the course itself', () => {
    const event = statementToLearningEvent(
      'acme',
      statement({
        verb: { id: 'http://adlnet.gov/expapi/verbs/registered' },
        object: { id: 'https://lms.example/c/3', definition: { type: COURSE } },
      }),
      receivedAt,
    );
    assert.equal(event.courseId, 'https://lms.example/c/3');
    assert.equal(event.action, 'enrolled');
    assert.equal(event.objectType, 'course');
  });

  it('maps the known verbs to actions and anything else to other', () => {
    const cases: [string, string][] = [
      ['http://adlnet.gov/expapi/verbs/experienced', 'viewed'],
      ['http://id.tincanapi.com/verb/viewed', 'viewed'],
      ['http://adlnet.gov/expapi/verbs/launched', 'viewed'],
      ['http://adlnet.gov/expapi/verbs/initialized', 'viewed'],
      ['http://adlnet.gov/expapi/verbs/attempted', 'attempted'],
      ['http://adlnet.gov/expapi/verbs/answered', 'submitted'],
      ['http://adlnet.gov/expapi/verbs/passed', 'passed'],
      ['http://adlnet.gov/expapi/verbs/failed', 'failed'],
      ['http://adlnet.gov/expapi/verbs/scored', 'scored'],
      ['http://adlnet.gov/expapi/verbs/logged-in', 'logged_in'],
      ['http://adlnet.gov/expapi/verbs/commented', 'posted'],
      ['https://w3id.org/xapi/video/verbs/played', 'played_video'],
      ['https://w3id.org/xapi/video/verbs/paused', 'paused_video'],
      ['http://adlnet.gov/expapi/verbs/voided', 'other'],
    ];
    for (const [verb, action] of cases) {
      const event = statementToLearningEvent('acme', statement({ verb: { id: verb } }), receivedAt);
      assert.equal(event.action, action, verb);
    }
  });

  it('describes non-activity objects and activities without a type', () => {
    const of = (object: XapiStatement['object']) =>
      statementToLearningEvent('acme', statement({ object }), receivedAt);
    assert.equal(of({ id: 'https://lms.example/x' }).objectType, 'activity');
    const agent = of({ objectType: 'Agent', mbox: 'mailto:t@x.org' });
    assert.deepEqual([agent.objectId, agent.objectType], ['mbox:mailto:t@x.org', 'agent']);
    const ref = of({ objectType: 'StatementRef', id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c12' });
    assert.deepEqual(
      [ref.objectId, ref.objectType],
      ['0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c12', 'statement-ref'],
    );
  });

  it('has no score without result.score, and fills missing score parts with null', () => {
    assert.equal(statementToLearningEvent('acme', statement(), receivedAt).score, null);
    assert.deepEqual(
      statementToLearningEvent(
        'acme',
        statement({ result: { score: { scaled: 0.5 } } }),
        receivedAt,
      ).score,
      { raw: null, min: null, max: null, scaled: 0.5 },
    );
  });

  it('takes the time from stored, then from receipt, when there is no timestamp', () => {
    const untimed = statement({ timestamp: undefined });
    assert.equal(statementToLearningEvent('acme', untimed, receivedAt).occurredAt, receivedAt);
    assert.equal(
      statementToLearningEvent('acme', { ...untimed, stored: '2024-05-01T12:00:01Z' }, receivedAt)
        .occurredAt,
      Date.UTC(2024, 4, 1, 12, 0, 1),
    );
  });

  it('derives a stable event id for a statement without one', () => {
    const anonymous = statement({ id: undefined });
    const reordered: XapiStatement = {
      object: anonymous.object,
      verb: anonymous.verb,
      actor: anonymous.actor,
      timestamp: anonymous.timestamp,
    };
    const first = statementToLearningEvent('acme', anonymous, receivedAt).eventId;
    assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(statementToLearningEvent('acme', reordered, receivedAt + 1).eventId, first);
    assert.notEqual(statementToLearningEvent('other', anonymous, receivedAt).eventId, first);
  });
});
