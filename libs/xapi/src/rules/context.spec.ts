import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsOf, itChecksRules, statementWith, withContext } from '../testing/rule-cases';

const agent = { objectType: 'Agent', mbox: 'mailto:coach@example.edu' };
const group = { objectType: 'Group', member: [{ mbox: 'mailto:a@example.edu' }] };
const ref = { objectType: 'StatementRef', id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c12' };
const course = { id: 'https://lms.example/course/42' };

describe('context rules (Data 2.4.6)', () => {
  itChecksRules([
    {
      rule: 'registration is a UUID',
      valid: withContext({ registration: 'A1B2C3D4-0000-4000-8000-000000000001' }),
      invalid: withContext({ registration: 'reg-1' }),
      path: 'statement.context.registration',
    },
    {
      rule: 'instructor is an Agent or Group',
      valid: withContext({ instructor: group }),
      invalid: withContext({ instructor: { name: 'coach' } }),
      path: 'statement.context.instructor',
    },
    {
      rule: 'team is a Group',
      valid: withContext({ team: group }),
      invalid: withContext({ team: agent }),
      path: 'statement.context.team',
    },
    {
      rule: 'contextActivities values are Activities or arrays of them',
      valid: withContext({ contextActivities: { parent: course, grouping: [course] } }),
      invalid: withContext({ contextActivities: { parent: [{ id: 'course 42' }] } }),
      path: 'statement.context.contextActivities.parent[0].id',
    },
    {
      rule: 'contextActivities keys are parent, grouping, category, other',
      valid: withContext({ contextActivities: { category: [course], other: [course] } }),
      invalid: withContext({ contextActivities: { Parent: [course] } }),
      path: 'statement.context.contextActivities.Parent',
    },
    {
      rule: 'contextActivities is not empty',
      valid: withContext({ contextActivities: { other: [] } }),
      invalid: withContext({ contextActivities: {} }),
      path: 'statement.context.contextActivities',
    },
    {
      rule: 'revision only when the object is an Activity',
      valid: withContext({ revision: 'v2' }),
      invalid: statementWith({ object: ref, context: { revision: 'v2' } }),
      path: 'statement.context.revision',
    },
    {
      rule: 'platform only when the object is an Activity',
      valid: withContext({ platform: 'Moodle' }),
      invalid: statementWith({ object: { ...agent }, context: { platform: 'Moodle' } }),
      path: 'statement.context.platform',
    },
    {
      rule: 'revision and platform are strings',
      valid: withContext({ revision: '3', platform: 'edX' }),
      invalid: withContext({ revision: 3 }),
      path: 'statement.context.revision',
    },
    {
      rule: 'language is an RFC 5646 tag',
      valid: withContext({ language: 'sr-Latn-RS' }),
      invalid: withContext({ language: 'en_GB' }),
      path: 'statement.context.language',
    },
    {
      rule: 'statement is a StatementRef',
      valid: withContext({ statement: ref }),
      invalid: withContext({ statement: { id: ref.id } }),
      path: 'statement.context.statement.objectType',
    },
    {
      rule: 'context extension keys are IRIs',
      valid: withContext({ extensions: { 'https://lms.example/ext/session': null } }),
      invalid: withContext({ extensions: { session: 'x' } }),
      path: 'statement.context.extensions.session',
    },
    {
      rule: 'context has no unknown properties',
      valid: withContext({ platform: 'x' }),
      invalid: withContext({ device: 'x' }),
      path: 'statement.context.device',
    },
    {
      rule: 'contextAgents: objectType contextAgent',
      valid: withContext({ contextAgents: [{ objectType: 'contextAgent', agent }] }),
      invalid: withContext({ contextAgents: [{ objectType: 'Agent', agent }] }),
      path: 'statement.context.contextAgents[0].objectType',
      versions: ['2.0.0'],
    },
    {
      rule: 'contextAgents: agent is a valid Agent',
      valid: withContext({ contextAgents: [{ objectType: 'contextAgent', agent }] }),
      invalid: withContext({ contextAgents: [{ objectType: 'contextAgent', agent: { key: 1 } }] }),
      path: 'statement.context.contextAgents[0].agent',
      versions: ['2.0.0'],
    },
    {
      rule: 'contextAgents: relevantTypes is a non-empty array of IRIs',
      valid: withContext({
        contextAgents: [
          { objectType: 'contextAgent', agent, relevantTypes: ['https://lms.example/roles/coach'] },
        ],
      }),
      invalid: withContext({
        contextAgents: [{ objectType: 'contextAgent', agent, relevantTypes: [] }],
      }),
      path: 'statement.context.contextAgents[0].relevantTypes',
      versions: ['2.0.0'],
    },
    {
      rule: 'contextAgents: relevantTypes items are IRIs',
      valid: withContext({
        contextAgents: [{ objectType: 'contextAgent', agent, relevantTypes: ['urn:role:x'] }],
      }),
      invalid: withContext({
        contextAgents: [{ objectType: 'contextAgent', agent, relevantTypes: ['abc'] }],
      }),
      path: 'statement.context.contextAgents[0].relevantTypes[0]',
      versions: ['2.0.0'],
    },
    {
      rule: 'contextGroups: objectType contextGroup and a Group',
      valid: withContext({ contextGroups: [{ objectType: 'contextGroup', group }] }),
      invalid: withContext({ contextGroups: [{ objectType: 'contextGroup', group: agent }] }),
      path: 'statement.context.contextGroups[0].group',
      versions: ['2.0.0'],
    },
    {
      rule: 'contextAgents is an array',
      valid: withContext({ contextAgents: [] }),
      invalid: withContext({ contextAgents: { objectType: 'contextAgent', agent } }),
      path: 'statement.context.contextAgents',
      versions: ['2.0.0'],
    },
  ]);

  it('refuses contextAgents and contextGroups under xAPI 1.0.3, where they do not exist', () => {
    const statement = withContext({
      contextAgents: [{ objectType: 'contextAgent', agent }],
      contextGroups: [{ objectType: 'contextGroup', group }],
    });
    assert.deepEqual(errorsOf(statement, '2.0.0'), []);
    assert.deepEqual(errorsOf(statement, '1.0.3'), [
      'statement.context.contextAgents: is not a property of a Context',
      'statement.context.contextGroups: is not a property of a Context',
    ]);
  });
});
