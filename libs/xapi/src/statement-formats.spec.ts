import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalStatement, idsOnlyStatement, parseAcceptLanguage } from './statement-formats';

const statement = {
  id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11',
  actor: { objectType: 'Agent', name: 'Jane', mbox: 'mailto:jane@example.edu' },
  verb: {
    id: 'http://adlnet.gov/expapi/verbs/answered',
    display: { 'en-US': 'answered', fr: 'a répondu', de: 'beantwortete' },
  },
  object: {
    objectType: 'Activity',
    id: 'https://lms.example/q/1',
    definition: {
      name: { 'en-GB': 'Question 1', fr: 'Question un' },
      description: { fr: 'La première' },
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      choices: [{ id: 'a', description: { en: 'Alpha', fr: 'Alpha (fr)' } }],
    },
  },
  context: {
    instructor: {
      objectType: 'Group',
      name: 'Coaches',
      member: [{ name: 'Bob', mbox: 'mailto:bob@example.edu' }],
    },
    contextActivities: {
      parent: { id: 'https://lms.example/course/42', definition: { name: { en: 'C42' } } },
    },
    platform: 'Moodle',
  },
  authority: {
    objectType: 'Agent',
    name: 'LRS',
    account: { homePage: 'urn:learnpulse:tenant', name: 'acme' },
  },
  stored: '2024-05-01T12:00:00.000Z',
};

describe('format=ids', () => {
  it('keeps only what identifies agents, groups, activities and verbs', () => {
    const ids = idsOnlyStatement(statement);
    assert.deepEqual(ids.actor, { objectType: 'Agent', mbox: 'mailto:jane@example.edu' });
    assert.deepEqual(ids.verb, { id: 'http://adlnet.gov/expapi/verbs/answered' });
    assert.deepEqual(ids.object, { objectType: 'Activity', id: 'https://lms.example/q/1' });
    assert.deepEqual(ids.context.instructor, {
      objectType: 'Group',
      member: [{ objectType: 'Agent', mbox: 'mailto:bob@example.edu' }],
    });
    assert.deepEqual(ids.context.contextActivities, {
      parent: [{ objectType: 'Activity', id: 'https://lms.example/course/42' }],
    });
    assert.equal(ids.context.platform, 'Moodle');
    assert.deepEqual(ids.authority, {
      objectType: 'Agent',
      account: { homePage: 'urn:learnpulse:tenant', name: 'acme' },
    });
    assert.equal(ids.stored, statement.stored);
    assert.equal(statement.actor.name, 'Jane', 'the input is not modified');
  });
});

describe('format=canonical', () => {
  it('keeps one language per map, the best Accept-Language match', () => {
    const fr = canonicalStatement(statement, 'de;q=0.5, fr');
    assert.deepEqual(fr.verb.display, { fr: 'a répondu' });
    assert.deepEqual(fr.object.definition.name, { fr: 'Question un' });
    assert.deepEqual(fr.object.definition.choices[0]?.description, { fr: 'Alpha (fr)' });
    assert.deepEqual(fr.actor, statement.actor, 'agents stay as in exact');
  });

  it("matches 'en' to 'en-US' and 'en-GB', and falls back to the first language", () => {
    const en = canonicalStatement(statement, ['en']);
    assert.deepEqual(en.verb.display, { 'en-US': 'answered' });
    assert.deepEqual(en.object.definition.name, { 'en-GB': 'Question 1' });
    assert.deepEqual(en.object.definition.description, { fr: 'La première' });
    const none = canonicalStatement(statement, undefined);
    assert.deepEqual(none.verb.display, { 'en-US': 'answered' });
    assert.deepEqual(
      (none.context.contextActivities.parent as unknown as { definition: unknown }[])[0]
        ?.definition,
      { name: { en: 'C42' } },
    );
  });

  it('parses Accept-Language by quality, dropping q=0', () => {
    assert.deepEqual(parseAcceptLanguage('fr;q=0.8, en-US, de;q=0, *;q=0.1'), ['en-US', 'fr', '*']);
    assert.deepEqual(parseAcceptLanguage(undefined), []);
  });
});
