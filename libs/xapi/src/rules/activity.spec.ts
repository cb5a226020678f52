import { describe } from 'node:test';
import { itChecksRules, statementWith, withDefinition } from '../testing/rule-cases';

const component = (id: string) => ({ id, description: { en: id } });

describe('activity rules (Data 2.4.4.1)', () => {
  itChecksRules([
    {
      rule: 'an Activity id is required',
      valid: statementWith({ object: { id: 'https://lms.example/a' } }),
      invalid: statementWith({ object: { objectType: 'Activity' } }),
      path: 'statement.object.id',
    },
    {
      rule: 'an Activity id is an IRI',
      valid: statementWith({ object: { id: 'https://lms.example/a' } }),
      invalid: statementWith({ object: { id: '438AD672-DE2C-4F0B-8876-35444E7DD746' } }),
      path: 'statement.object.id',
    },
    {
      rule: "objectType is 'Activity' exactly",
      valid: statementWith({ object: { objectType: 'Activity', id: 'https://lms.example/a' } }),
      invalid: statementWith({ object: { objectType: 'activity', id: 'https://lms.example/a' } }),
      path: 'statement.object.objectType',
    },
    {
      rule: 'definition name and description are language maps',
      valid: withDefinition({ name: { en: 'Q1' }, description: { 'fr-CA': 'Question 1' } }),
      invalid: withDefinition({ name: 'Q1' }),
      path: 'statement.object.definition.name',
    },
    {
      rule: 'definition type is an IRI',
      valid: withDefinition({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction' }),
      invalid: withDefinition({ type: 'interaction' }),
      path: 'statement.object.definition.type',
    },
    {
      rule: 'definition moreInfo is an IRL',
      valid: withDefinition({ moreInfo: 'https://lms.example/about' }),
      invalid: withDefinition({ moreInfo: 'about page' }),
      path: 'statement.object.definition.moreInfo',
    },
    {
      rule: 'definition extension keys are IRIs',
      valid: withDefinition({ extensions: { 'https://lms.example/ext/a': { any: null } } }),
      invalid: withDefinition({ extensions: { a: 1 } }),
      path: 'statement.object.definition.extensions.a',
    },
    {
      rule: 'definition has no unknown properties',
      valid: withDefinition({ name: { en: 'Q' } }),
      invalid: withDefinition({ title: { en: 'Q' } }),
      path: 'statement.object.definition.title',
    },
    {
      rule: 'interactionType is one of the enumerated values (case-sensitive)',
      valid: withDefinition({ interactionType: 'true-false', correctResponsesPattern: ['true'] }),
      invalid: withDefinition({ interactionType: 'True-False' }),
      path: 'statement.object.definition.interactionType',
    },
    {
      rule: 'correctResponsesPattern is an array of strings',
      valid: withDefinition({ interactionType: 'numeric', correctResponsesPattern: ['4[:]'] }),
      invalid: withDefinition({ interactionType: 'numeric', correctResponsesPattern: [4] }),
      path: 'statement.object.definition.correctResponsesPattern',
    },
    {
      rule: 'correctResponsesPattern requires an interactionType',
      valid: withDefinition({ interactionType: 'fill-in', correctResponsesPattern: ['x'] }),
      invalid: withDefinition({ correctResponsesPattern: ['x'] }),
      path: 'statement.object.definition.correctResponsesPattern',
    },
    {
      rule: 'choice interactions list choices with id and description',
      valid: withDefinition({
        interactionType: 'choice',
        choices: [component('a'), component('b')],
      }),
      invalid: withDefinition({
        interactionType: 'choice',
        choices: [{ description: { en: 'a' } }],
      }),
      path: 'statement.object.definition.choices[0].id',
    },
    {
      rule: 'component ids are unique within a list',
      valid: withDefinition({
        interactionType: 'sequencing',
        choices: [component('a'), component('b')],
      }),
      invalid: withDefinition({
        interactionType: 'sequencing',
        choices: [component('a'), component('a')],
      }),
      path: 'statement.object.definition.choices[1].id',
    },
    {
      rule: 'component description is a language map',
      valid: withDefinition({ interactionType: 'likert', scale: [component('1')] }),
      invalid: withDefinition({
        interactionType: 'likert',
        scale: [{ id: '1', description: 'one' }],
      }),
      path: 'statement.object.definition.scale[0].description',
    },
    {
      rule: 'components have only id and description',
      valid: withDefinition({ interactionType: 'performance', steps: [component('s1')] }),
      invalid: withDefinition({ interactionType: 'performance', steps: [{ id: 's1', score: 1 }] }),
      path: 'statement.object.definition.steps[0].score',
    },
    {
      rule: 'matching interactions use source and target, not choices',
      valid: withDefinition({
        interactionType: 'matching',
        source: [component('a')],
        target: [component('1')],
      }),
      invalid: withDefinition({ interactionType: 'matching', choices: [component('a')] }),
      path: 'statement.object.definition.choices',
    },
    {
      rule: 'component lists require an interactionType',
      valid: withDefinition({ interactionType: 'choice', choices: [component('a')] }),
      invalid: withDefinition({ choices: [component('a')] }),
      path: 'statement.object.definition.choices',
    },
    {
      rule: 'component lists are arrays',
      valid: withDefinition({ interactionType: 'likert', scale: [] }),
      invalid: withDefinition({ interactionType: 'likert', scale: component('1') }),
      path: 'statement.object.definition.scale',
    },
    {
      rule: "Open edX's 'GroupActivity' is read as an Activity; other unknown types are refused",
      valid: statementWith({
        object: { objectType: 'GroupActivity', id: 'http://localhost:18000/xblock/p1' },
      }),
      invalid: statementWith({ object: { objectType: 'Course', id: 'http://localhost:18000/c' } }),
      path: 'statement.object.objectType',
    },
  ]);
});
