import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedLanguages, formatStatement, pickLanguage } from './statement-format';

const statement = {
  id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0',
  actor: { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' },
  verb: {
    id: 'http://adlnet.gov/expapi/verbs/answered',
    display: { 'en-US': 'answered', 'fr-FR': 'a répondu' },
  },
  object: {
    objectType: 'Activity',
    id: 'https://lms.example/q1',
    definition: {
      name: { 'en-US': 'Question 1', 'fr-FR': 'Question 1 (fr)' },
      description: { 'en-US': 'Pick one' },
      interactionType: 'choice',
      choices: [{ id: 'a', description: { 'en-US': 'A', 'fr-FR': 'A (fr)' } }],
    },
  },
  context: {
    instructor: {
      objectType: 'Group',
      name: 'Staff',
      member: [{ name: 'Bob', mbox: 'mailto:bob@example.org' }],
    },
    contextActivities: {
      parent: [{ id: 'https://lms.example/course', definition: { name: { en: 'Course' } } }],
    },
  },
  authority: { objectType: 'Agent', account: { homePage: 'urn:learnpulse:tenant:u', name: 'k' } },
  stored: '2025-01-01T00:00:00.000Z',
};

describe('formatStatement', () => {
  it('returns the stored statement unchanged for exact', () => {
    assert.equal(formatStatement(statement, 'exact'), statement);
  });

  it('keeps only identifiers for ids', () => {
    const ids = formatStatement(statement, 'ids');
    assert.deepEqual(ids.actor, { objectType: 'Agent', mbox: 'mailto:ada@example.org' });
    assert.deepEqual(ids.verb, { id: 'http://adlnet.gov/expapi/verbs/answered' });
    assert.deepEqual(ids.object, { objectType: 'Activity', id: 'https://lms.example/q1' });
    assert.deepEqual(ids.context, {
      instructor: { objectType: 'Group', member: [{ mbox: 'mailto:bob@example.org' }] },
      contextActivities: { parent: [{ objectType: 'Activity', id: 'https://lms.example/course' }] },
    });
    assert.equal(ids.id, statement.id);
    assert.equal(ids.stored, statement.stored);
  });

  it('keeps one language per map for canonical, the one Accept-Language prefers', () => {
    const canonical = formatStatement(statement, 'canonical', acceptedLanguages('fr;q=0.9, de'));
    assert.deepEqual((canonical.verb as { display: unknown }).display, { 'fr-FR': 'a répondu' });
    const definition = (canonical.object as { definition: Record<string, unknown> }).definition;
    assert.deepEqual(definition.name, { 'fr-FR': 'Question 1 (fr)' });
    assert.deepEqual(definition.choices, [{ id: 'a', description: { 'fr-FR': 'A (fr)' } }]);
    assert.deepEqual(canonical.actor, statement.actor);
  });
});

describe('language choice', () => {
  it('orders Accept-Language by weight and falls back to the first entry', () => {
    assert.deepEqual(acceptedLanguages('en;q=0.5, fr-CA, *;q=0.1, de;q=0'), ['fr-ca', 'en', '*']);
    assert.deepEqual(pickLanguage({ 'en-US': 'x', fr: 'y' }, ['fr-ca']), { fr: 'y' });
    assert.deepEqual(pickLanguage({ 'en-US': 'x', fr: 'y' }, ['en']), { 'en-US': 'x' });
    assert.deepEqual(pickLanguage({ 'en-US': 'x', fr: 'y' }, ['de']), { 'en-US': 'x' });
  });
});
