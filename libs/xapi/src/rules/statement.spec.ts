import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsOf, itChecksRules, statementWith, VERSIONS } from '../testing/rule-cases';

describe('statement rules (Data 2.2, 2.4)', () => {
  itChecksRules([
    {
      rule: 'actor is required',
      valid: statementWith(),
      invalid: statementWith({ actor: undefined }),
      path: 'statement.actor',
    },
    {
      rule: 'verb is required',
      valid: statementWith(),
      invalid: statementWith({ verb: undefined }),
      path: 'statement.verb',
    },
    {
      rule: 'object is required',
      valid: statementWith(),
      invalid: statementWith({ object: undefined }),
      path: 'statement.object',
    },
    {
      rule: 'id is a UUID in standard form',
      valid: statementWith({ id: '0E9C4D5A-1B0A-4F4E-9A6A-3D2B8F1F7C11' }),
      invalid: statementWith({ id: '0e9c4d5a1b0a4f4e9a6a3d2b8f1f7c11' }),
      path: 'statement.id',
    },
    {
      rule: 'no property is null (outside extensions)',
      valid: statementWith({ result: { extensions: { 'https://lms.example/x': null } } }),
      invalid: statementWith({ result: null }),
      path: 'statement.result',
    },
    {
      rule: 'unknown properties are refused',
      valid: statementWith(),
      invalid: statementWith({ score: 10 }),
      path: 'statement.score',
    },
    {
      rule: 'keys are case-sensitive',
      valid: statementWith(),
      invalid: statementWith({ Timestamp: '2024-05-01T12:00:00Z' }),
      path: 'statement.Timestamp',
    },
    {
      rule: 'version 1.0.x is accepted by both',
      valid: statementWith({ version: '1.0.3' }),
      invalid: statementWith({ version: '0.95' }),
      path: 'statement.version',
    },
    {
      rule: 'under 2.0, version 2.0.x is accepted',
      valid: statementWith({ version: '2.0.0' }),
      invalid: statementWith({ version: '3.0.0' }),
      path: 'statement.version',
      versions: ['2.0.0'],
    },
    {
      rule: 'under 1.0.3, version 2.0.x is refused',
      valid: statementWith({ version: '1.0' }),
      invalid: statementWith({ version: '2.0.0' }),
      path: 'statement.version',
      versions: ['1.0.3'],
    },
  ]);

  it('refuses a body that is not an object', () => {
    for (const version of VERSIONS) {
      for (const body of [null, 'statement', 42, []]) {
        assert.deepEqual(errorsOf(body, version), [
          'statement: must be a JSON object (an xAPI statement)',
        ]);
      }
    }
  });
});
