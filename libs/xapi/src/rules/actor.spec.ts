import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsOf, itChecksRules, statementWith, VERSIONS } from '../testing/rule-cases';

const jane = { mbox: 'mailto:jane@example.edu' };
const bob = { account: { homePage: 'https://lms.example', name: 'bob' } };

describe('actor rules (Data 2.4.2)', () => {
  itChecksRules([
    {
      rule: 'an Agent has exactly one IFI',
      valid: statementWith({ actor: { name: 'Jane', ...jane } }),
      invalid: statementWith({ actor: { ...jane, openid: 'https://id.example/jane' } }),
      path: 'statement.actor',
    },
    {
      rule: 'an Agent without IFI is refused',
      valid: statementWith({ actor: { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' } }),
      invalid: statementWith({ actor: { name: 'nobody' } }),
      path: 'statement.actor',
    },
    {
      rule: 'mbox is a mailto IRI',
      valid: statementWith({ actor: jane }),
      invalid: statementWith({ actor: { mbox: 'jane@example.edu' } }),
      path: 'statement.actor.mbox',
    },
    {
      rule: 'mbox_sha1sum is 40 hex characters',
      valid: statementWith({ actor: { mbox_sha1sum: 'EBD31E95054C018B10727CCFFD2EF2EC3A016EE9' } }),
      invalid: statementWith({ actor: { mbox_sha1sum: 'not-a-hash' } }),
      path: 'statement.actor.mbox_sha1sum',
    },
    {
      rule: 'openid is a URI',
      valid: statementWith({ actor: { openid: 'https://id.example/jane' } }),
      invalid: statementWith({ actor: { openid: 'jane' } }),
      path: 'statement.actor.openid',
    },
    {
      rule: 'account has an IRL homePage',
      valid: statementWith({ actor: bob }),
      invalid: statementWith({ actor: { account: { homePage: 'lms', name: 'bob' } } }),
      path: 'statement.actor.account.homePage',
    },
    {
      rule: 'account has a name',
      valid: statementWith({ actor: bob }),
      invalid: statementWith({ actor: { account: { homePage: 'https://lms.example' } } }),
      path: 'statement.actor.account.name',
    },
    {
      rule: 'account has no other properties',
      valid: statementWith({ actor: bob }),
      invalid: statementWith({
        actor: { account: { homePage: 'https://lms.example', name: 'bob', id: 1 } },
      }),
      path: 'statement.actor.account.id',
    },
    {
      rule: 'name is a string',
      valid: statementWith({ actor: { ...jane, name: 'Jane' } }),
      invalid: statementWith({ actor: { ...jane, name: 7 } }),
      path: 'statement.actor.name',
    },
    {
      rule: "actor objectType is 'Agent' or 'Group' (case-sensitive)",
      valid: statementWith({ actor: { objectType: 'Agent', ...jane } }),
      invalid: statementWith({ actor: { objectType: 'agent', ...jane } }),
      path: 'statement.actor.objectType',
    },
    {
      rule: 'an Agent has no member property',
      valid: statementWith({ actor: jane }),
      invalid: statementWith({ actor: { ...jane, member: [bob] } }),
      path: 'statement.actor.member',
    },
    {
      rule: 'an identified Group has one IFI and may list members',
      valid: statementWith({ actor: { objectType: 'Group', ...bob, member: [jane] } }),
      invalid: statementWith({ actor: { objectType: 'Group', ...bob, ...jane } }),
      path: 'statement.actor',
    },
    {
      rule: 'an anonymous Group lists at least one member',
      valid: statementWith({ actor: { objectType: 'Group', member: [jane, bob] } }),
      invalid: statementWith({ actor: { objectType: 'Group', member: [] } }),
      path: 'statement.actor.member',
    },
    {
      rule: 'Group members are Agents, not Groups',
      valid: statementWith({
        actor: { objectType: 'Group', member: [{ objectType: 'Agent', ...jane }] },
      }),
      invalid: statementWith({
        actor: { objectType: 'Group', member: [{ objectType: 'Group', member: [jane] }] },
      }),
      path: 'statement.actor.member[0].objectType',
    },
    {
      rule: 'Group members follow the Agent rules',
      valid: statementWith({ actor: { objectType: 'Group', member: [jane] } }),
      invalid: statementWith({ actor: { objectType: 'Group', member: [{ mbox: 'jane' }] } }),
      path: 'statement.actor.member[0].mbox',
    },
    {
      rule: 'authority is an Agent',
      valid: statementWith({ authority: bob }),
      invalid: statementWith({ authority: { name: 'no ifi' } }),
      path: 'statement.authority',
    },
    {
      rule: 'an authority Group (OAuth) has exactly two Agents',
      valid: statementWith({ authority: { objectType: 'Group', member: [jane, bob] } }),
      invalid: statementWith({
        authority: {
          objectType: 'Group',
          member: [jane, bob, { openid: 'https://id.example/x' }],
        },
      }),
      path: 'statement.authority.member',
    },
  ]);

  it('reports every problem of a bad actor at its own path', () => {
    for (const version of VERSIONS) {
      assert.deepEqual(errorsOf(statementWith({ actor: { mbox: null, extra: 1 } }), version), [
        'statement.actor.mbox: must not be null',
        'statement.actor.extra: is not a property of an Agent',
        'statement.actor: must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found 0',
      ]);
    }
  });
});
