import { describe } from 'node:test';
import { itChecksRules, statementWith } from '../testing/rule-cases';

const sub = (overrides: Record<string, unknown> = {}) => ({
  objectType: 'SubStatement',
  actor: { mbox: 'mailto:jane@example.edu' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/planned' },
  object: { id: 'https://lms.example/exam' },
  ...overrides,
});
const ref = { objectType: 'StatementRef', id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c12' };

describe('object rules (Data 2.4.4)', () => {
  itChecksRules([
    {
      rule: "an Agent object needs objectType 'Agent'",
      valid: statementWith({ object: { objectType: 'Agent', mbox: 'mailto:bob@example.edu' } }),
      invalid: statementWith({ object: { mbox: 'mailto:bob@example.edu' } }),
      path: 'statement.object.mbox',
    },
    {
      rule: 'a Group object follows the Group rules',
      valid: statementWith({
        object: { objectType: 'Group', member: [{ mbox: 'mailto:bob@example.edu' }] },
      }),
      invalid: statementWith({ object: { objectType: 'Group' } }),
      path: 'statement.object.member',
    },
    {
      rule: 'a StatementRef id is a UUID',
      valid: statementWith({ object: ref }),
      invalid: statementWith({ object: { objectType: 'StatementRef', id: 'statement-1' } }),
      path: 'statement.object.id',
    },
    {
      rule: 'a StatementRef id is required',
      valid: statementWith({ object: ref }),
      invalid: statementWith({ object: { objectType: 'StatementRef' } }),
      path: 'statement.object.id',
    },
    {
      rule: 'a StatementRef has only objectType and id',
      valid: statementWith({ object: ref }),
      invalid: statementWith({ object: { ...ref, definition: {} } }),
      path: 'statement.object.definition',
    },
    {
      rule: 'a SubStatement follows the statement rules',
      valid: statementWith({ object: sub({ timestamp: '2030-01-01T00:00:00Z' }) }),
      invalid: statementWith({ object: sub({ verb: { id: 'planned' } }) }),
      path: 'statement.object.verb.id',
    },
    {
      rule: 'a SubStatement requires actor, verb and object',
      valid: statementWith({ object: sub() }),
      invalid: statementWith({ object: sub({ actor: undefined }) }),
      path: 'statement.object.actor',
    },
    {
      rule: 'a SubStatement has no id',
      valid: statementWith({ object: sub() }),
      invalid: statementWith({ object: sub({ id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c13' }) }),
      path: 'statement.object.id',
    },
    {
      rule: 'a SubStatement has no stored',
      valid: statementWith({ object: sub() }),
      invalid: statementWith({ object: sub({ stored: '2024-05-01T12:00:00Z' }) }),
      path: 'statement.object.stored',
    },
    {
      rule: 'a SubStatement has no version',
      valid: statementWith({ object: sub() }),
      invalid: statementWith({ object: sub({ version: '1.0.3' }) }),
      path: 'statement.object.version',
    },
    {
      rule: 'a SubStatement has no authority',
      valid: statementWith({ object: sub() }),
      invalid: statementWith({ object: sub({ authority: { mbox: 'mailto:a@example.org' } }) }),
      path: 'statement.object.authority',
    },
    {
      rule: 'a SubStatement does not nest a SubStatement',
      valid: statementWith({ object: sub({ object: ref }) }),
      invalid: statementWith({ object: sub({ object: sub() }) }),
      path: 'statement.object.object.objectType',
    },
    {
      rule: 'a SubStatement context may carry revision only when its object is an Activity',
      valid: statementWith({ object: sub({ context: { revision: '2' } }) }),
      invalid: statementWith({ object: sub({ object: ref, context: { revision: '2' } }) }),
      path: 'statement.object.context.revision',
    },
  ]);
});
