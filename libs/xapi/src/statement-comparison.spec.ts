import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lrsAuthority } from './lrs-authority';
import { normaliseStatement } from './normalise-statement';
import { statementsEquivalent } from './statement-comparison';
import { type XapiStatement } from './statement.types';

const received: XapiStatement = {
  id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11',
  actor: {
    objectType: 'Group',
    name: 'Team',
    member: [
      { mbox: 'mailto:Jane@Example.EDU' },
      { account: { homePage: 'https://l.example', name: 'b' } },
    ],
  },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
  object: {
    id: 'https://lms.example/course/42',
    definition: { name: { en: 'Course 42' } },
  },
  result: { duration: 'PT1M', score: { raw: 1 } },
  context: {
    registration: 'a1b2c3d4-0000-4000-8000-000000000001',
    contextActivities: { parent: { id: 'https://lms.example/program/9' } },
  },
  timestamp: '2024-05-01T14:00:00+02:00',
};

function variant(change: (s: Record<string, unknown>) => void): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(received)) as Record<string, unknown>;
  change(copy);
  return copy;
}

describe('statementsEquivalent (Data 2.3.1 comparison requirements)', () => {
  it('matches the stored form of a statement (LRS-assigned properties, arrays)', () => {
    const stored = normaliseStatement(received, {
      authority: lrsAuthority('acme'),
      stored: '2024-05-01T12:00:01Z',
    });
    assert.equal(statementsEquivalent(received, stored), true);
    assert.equal(statementsEquivalent(stored, received), true);
  });

  it('ignores the differences the immutability exceptions allow', () => {
    const same = variant((s) => {
      s.id = String(s.id).toUpperCase();
      s.timestamp = '2024-05-01T12:00:00.000Z'; // same instant
      s.version = '1.0.3';
      s.stored = '2030-01-01T00:00:00Z';
      s.authority = { mbox: 'mailto:someone@example.org' };
      s.verb = { id: 'http://adlnet.gov/expapi/verbs/completed', display: { fr: 'terminé' } };
      s.object = { id: 'https://lms.example/course/42', objectType: 'Activity' };
      (s.actor as { member: unknown[] }).member.reverse();
      (s.actor as { member: { mbox?: string }[] }).member[1] = { mbox: 'mailto:Jane@example.edu' };
      (s.context as { registration: string }).registration = 'A1B2C3D4-0000-4000-8000-000000000001';
      s.attachments = [];
    });
    assert.equal(statementsEquivalent(received, same), true);
  });

  it('ignores a missing id or timestamp on one side', () => {
    const bare = variant((s) => {
      delete s.id;
      delete s.timestamp;
    });
    assert.equal(statementsEquivalent(received, bare), true);
  });

  it('sees any other difference', () => {
    const changes: ((s: Record<string, unknown>) => void)[] = [
      (s) => (s.id = '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c12'),
      (s) => (s.timestamp = '2024-05-01T14:00:01+02:00'),
      (s) => (s.verb = { id: 'http://adlnet.gov/expapi/verbs/passed' }),
      (s) => (s.result = { duration: 'PT60S', score: { raw: 1 } }), // durations compare as text
      (s) => (s.result = { duration: 'PT1M', score: { raw: 2 } }),
      (s) => ((s.actor as { name: string }).name = 'team'),
      (s) => (s.object = { id: 'https://lms.example/course/43' }),
      (s) => ((s.context as Record<string, unknown>).platform = 'Moodle'),
    ];
    for (const change of changes) {
      assert.equal(statementsEquivalent(received, variant(change)), false, change.toString());
    }
  });
});
