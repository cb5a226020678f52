import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statementIndex, VOIDED_VERB_ID } from './statement-index';

const ada = { objectType: 'Agent', mbox: 'mailto:ada@example.org' };
const bob = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'bob' } };
const carol = { mbox_sha1sum: 'ABCDEF0123' };
const authority = {
  objectType: 'Agent',
  account: { homePage: 'urn:learnpulse:tenant:uni', name: 'key-1' },
};

describe('statementIndex', () => {
  it('indexes actor, activity object, context activities and the LRS authority key', () => {
    const index = statementIndex({
      actor: ada,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'https://lms.example/unit/1' },
      context: {
        instructor: bob,
        team: { objectType: 'Group', member: [carol] },
        contextActivities: {
          parent: [{ id: 'https://lms.example/course' }],
          grouping: { id: 'https://lms.example/program' },
        },
      },
      authority,
    });
    assert.deepEqual(index, {
      activity_id: 'https://lms.example/unit/1',
      agents: ['mbox:mailto:ada@example.org'],
      related_agents: [
        'mbox:mailto:ada@example.org',
        'account:https://lms.example|bob',
        'mbox_sha1sum:abcdef0123',
        'account:urn:learnpulse:tenant:uni|key-1',
      ],
      related_activities: [
        'https://lms.example/unit/1',
        'https://lms.example/course',
        'https://lms.example/program',
      ],
      authority_key: 'key-1',
      statement_ref_id: null,
      is_voiding: 0,
      voided_target_id: null,
    });
  });

  it('matches group members and agent objects with the plain agent filter', () => {
    const index = statementIndex({
      actor: { objectType: 'Group', mbox: 'mailto:team@example.org', member: [ada] },
      verb: { id: 'http://adlnet.gov/expapi/verbs/mentored' },
      object: bob,
    });
    assert.deepEqual(index.agents, [
      'mbox:mailto:team@example.org',
      'mbox:mailto:ada@example.org',
      'account:https://lms.example|bob',
    ]);
    assert.equal(index.activity_id, '');
    assert.deepEqual(index.related_activities, []);
    assert.equal(index.authority_key, '');
  });

  it('takes the agents and activities of a sub-statement into the related columns only', () => {
    const index = statementIndex({
      actor: ada,
      verb: { id: 'http://adlnet.gov/expapi/verbs/planned' },
      object: {
        objectType: 'SubStatement',
        actor: bob,
        verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
        object: { objectType: 'Activity', id: 'https://lms.example/lecture' },
        context: { contextActivities: { category: [{ id: 'https://profiles.example/p' }] } },
      },
    });
    assert.equal(index.activity_id, '');
    assert.deepEqual(index.agents, ['mbox:mailto:ada@example.org']);
    assert.deepEqual(index.related_agents, [
      'mbox:mailto:ada@example.org',
      'account:https://lms.example|bob',
    ]);
    assert.deepEqual(index.related_activities, [
      'https://lms.example/lecture',
      'https://profiles.example/p',
    ]);
  });

  it('marks a voiding statement and keeps any StatementRef target', () => {
    const target = 'E05AA883-ACAF-40AD-BF54-02C8CE485FB0';
    const voiding = statementIndex({
      actor: ada,
      verb: { id: VOIDED_VERB_ID },
      object: { objectType: 'StatementRef', id: target },
    });
    assert.equal(voiding.is_voiding, 1);
    assert.equal(voiding.voided_target_id, target.toLowerCase());
    assert.equal(voiding.statement_ref_id, target.toLowerCase());

    const confirming = statementIndex({
      actor: ada,
      verb: { id: 'http://example.org/verbs/confirmed' },
      object: { objectType: 'StatementRef', id: target },
    });
    assert.equal(confirming.is_voiding, 0);
    assert.equal(confirming.voided_target_id, null);
    assert.equal(confirming.statement_ref_id, target.toLowerCase());
  });
});
