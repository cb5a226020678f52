import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateStatementBatch, validateStatementShape } from './validate-statement';

function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11',
    actor: { objectType: 'Agent', name: 'Jane', mbox: 'mailto:jane@example.edu' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: 'https://lms.example/course/42/unit/1',
      definition: { type: 'http://adlnet.gov/expapi/activities/module', name: { en: 'Unit 1' } },
    },
    timestamp: '2024-05-01T12:00:00Z',
    ...overrides,
  };
}

/** The errors of one statement, as "path: rule" lines for readable assertions. */
function problems(input: unknown, index?: number): string[] {
  return validateStatementShape(input, index).map((e) => `${e.path}: ${e.rule}`);
}

describe('validateStatementShape', () => {
  it('accepts a complete, well-formed statement', () => {
    assert.deepEqual(
      problems(
        statement({
          result: {
            score: { scaled: 0.8, raw: 8, min: 0, max: 10 },
            success: true,
            completion: true,
            duration: 'PT12M',
            response: 'b',
            extensions: { 'https://lms.example/ext/attempt': 2 },
          },
          context: {
            registration: 'a1b2c3d4-0000-4000-8000-000000000001',
            instructor: { account: { homePage: 'https://lms.example', name: 't-7' } },
            contextActivities: {
              parent: [{ id: 'https://lms.example/course/42', objectType: 'Activity' }],
              grouping: { id: 'https://lms.example/program/9' },
            },
            language: 'en-GB',
            platform: 'Moodle',
            statement: { objectType: 'StatementRef', id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c12' },
            extensions: { 'http://id.tincanapi.com/extension/session-id': 'abc' },
          },
          version: '1.0.3',
        }),
      ),
      [],
    );
  });

  it('accepts a statement without id, timestamp or version (the LRS assigns them)', () => {
    assert.deepEqual(problems(statement({ id: undefined, timestamp: undefined })), []);
  });

  it('refuses a malformed stored or authority, though the LRS overwrites both', () => {
    assert.deepEqual(problems(statement({ stored: 'whenever', authority: 'me' })), [
      'statement.stored: must be an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z)',
      'statement.authority: must be an Agent or Group object',
    ]);
  });

  it('refuses a body that is not an object, without throwing', () => {
    for (const body of [null, 3, 'statement', [], true, undefined]) {
      assert.deepEqual(problems(body), ['statement: must be a JSON object (an xAPI statement)']);
    }
  });

  it('puts the batch index in every path', () => {
    assert.deepEqual(problems(statement({ verb: { id: 'completed' } }), 3), [
      'statements[3].verb.id: must be an absolute IRI',
    ]);
  });

  it('rejects a statement whose id is not a UUID', () => {
    assert.deepEqual(problems(statement({ id: '42' })), ['statement.id: must be a UUID']);
  });

  it('requires actor, verb and object', () => {
    assert.deepEqual(problems({}), [
      'statement.actor: is required',
      'statement.verb: is required',
      'statement.object: is required',
    ]);
  });

  describe('actor', () => {
    it('requires exactly one inverse functional identifier on an Agent', () => {
      assert.deepEqual(problems(statement({ actor: { name: 'Nobody' } })), [
        'statement.actor: must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found 0',
      ]);
      assert.deepEqual(
        problems(
          statement({
            actor: {
              mbox: 'mailto:a@example.org',
              openid: 'https://id.example.org/a',
            },
          }),
        ),
        [
          'statement.actor: must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found 2',
        ],
      );
    });

    it('checks the form of each identifier', () => {
      assert.deepEqual(problems(statement({ actor: { mbox: 'jane@example.edu' } })), [
        'statement.actor.mbox: must be a mailto IRI (mailto:name@example.org)',
      ]);
      assert.deepEqual(problems(statement({ actor: { mbox_sha1sum: 'abc' } })), [
        'statement.actor.mbox_sha1sum: must be 40 hexadecimal characters (SHA-1)',
      ]);
      assert.deepEqual(problems(statement({ actor: { openid: 'jane' } })), [
        'statement.actor.openid: must be an absolute URI',
      ]);
      assert.deepEqual(problems(statement({ actor: { account: { homePage: 'lms', name: '' } } })), [
        'statement.actor.account.homePage: must be an IRL (absolute IRI)',
        'statement.actor.account.name: must be a non-empty string',
      ]);
      assert.deepEqual(problems(statement({ actor: { account: 'jane' } })), [
        'statement.actor.account: must be an object with homePage and name',
      ]);
    });

    it('accepts identified and anonymous Groups and checks their members', () => {
      assert.deepEqual(
        problems(
          statement({
            actor: {
              objectType: 'Group',
              member: [
                { mbox: 'mailto:a@example.org' },
                { account: { homePage: 'https://x.org', name: 'b' } },
              ],
            },
          }),
        ),
        [],
      );
      assert.deepEqual(
        problems(statement({ actor: { objectType: 'Group', openid: 'https://groups.example/7' } })),
        [],
      );
      assert.deepEqual(problems(statement({ actor: { objectType: 'Group' } })), [
        'statement.actor.member: an anonymous Group (no identifier) must list members',
      ]);
      assert.deepEqual(
        problems(
          statement({
            actor: {
              objectType: 'Group',
              member: [{ mbox: 'mailto:a@example.org' }, { name: 'x' }],
            },
          }),
        ),
        [
          'statement.actor.member[1]: must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found 0',
        ],
      );
    });

    it('refuses an actor objectType other than Agent or Group', () => {
      assert.deepEqual(
        problems(statement({ actor: { objectType: 'Person', mbox: 'mailto:a@b.c' } })),
        ["statement.actor.objectType: must be 'Agent', 'Group' or absent"],
      );
    });
  });

  describe('verb', () => {
    it('rejects a statement whose verb id is not an IRI', () => {
      assert.deepEqual(problems(statement({ verb: { id: 'completed' } })), [
        'statement.verb.id: must be an absolute IRI',
      ]);
      assert.deepEqual(problems(statement({ verb: {} })), ['statement.verb.id: is required']);
      assert.deepEqual(problems(statement({ verb: 'completed' })), [
        'statement.verb: must be a Verb object with an id',
      ]);
    });

    it('checks that display is a language map', () => {
      assert.deepEqual(
        problems(
          statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: 'done' } }),
        ),
        ['statement.verb.display: must be a language map (an object of language tag to string)'],
      );
      assert.deepEqual(
        problems(
          statement({
            verb: {
              id: 'http://adlnet.gov/expapi/verbs/completed',
              display: { 'en US': 'x', de: 3 },
            },
          }),
        ),
        [
          'statement.verb.display["en US"]: key must be an RFC 5646 language tag',
          'statement.verb.display.de: must be a string',
        ],
      );
    });
  });

  describe('object', () => {
    it('requires an IRI id on an Activity, with or without objectType', () => {
      assert.deepEqual(problems(statement({ object: { objectType: 'Activity' } })), [
        'statement.object.id: is required',
      ]);
      assert.deepEqual(problems(statement({ object: { id: 'unit-1' } })), [
        'statement.object.id: must be an absolute IRI',
      ]);
    });

    it('checks the activity definition', () => {
      assert.deepEqual(
        problems(
          statement({
            object: {
              id: 'https://lms.example/a',
              definition: { type: 'video', name: 'Intro', extensions: { speed: 2 } },
            },
          }),
        ),
        [
          'statement.object.definition.name: must be a language map (an object of language tag to string)',
          'statement.object.definition.type: must be an absolute IRI',
          'statement.object.definition.extensions.speed: key must be an absolute IRI',
        ],
      );
    });

    it('accepts Agents, StatementRefs and SubStatements as objects', () => {
      assert.deepEqual(
        problems(statement({ object: { objectType: 'Agent', mbox: 'mailto:t@x.org' } })),
        [],
      );
      assert.deepEqual(
        problems(
          statement({
            object: { objectType: 'StatementRef', id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11' },
          }),
        ),
        [],
      );
      assert.deepEqual(
        problems(statement({ object: { objectType: 'StatementRef', id: 'https://x.org/1' } })),
        ['statement.object.id: must be a UUID'],
      );
      const sub = {
        objectType: 'SubStatement',
        actor: { mbox: 'mailto:a@example.org' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
        object: { id: 'https://lms.example/quiz/1' },
      };
      assert.deepEqual(problems(statement({ object: sub })), []);
      assert.deepEqual(
        problems(
          statement({ object: { ...sub, id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11', verb: {} } }),
        ),
        [
          'statement.object.id: is not allowed in a SubStatement',
          'statement.object.verb.id: is required',
        ],
      );
      assert.deepEqual(problems(statement({ object: { ...sub, object: sub } })), [
        'statement.object.object.objectType: a SubStatement may not contain a SubStatement',
      ]);
    });
  });

  describe('result', () => {
    it('keeps result.score.scaled within [-1, 1]', () => {
      assert.deepEqual(problems(statement({ result: { score: { scaled: 1.5 } } })), [
        'statement.result.score.scaled: must be between -1 and 1',
      ]);
      assert.deepEqual(problems(statement({ result: { score: { scaled: -1 } } })), []);
    });

    it('keeps raw between min and max and refuses non-numbers', () => {
      assert.deepEqual(problems(statement({ result: { score: { raw: 11, min: 0, max: 10 } } })), [
        'statement.result.score.raw: must not be greater than max',
      ]);
      assert.deepEqual(problems(statement({ result: { score: { raw: '8' } } })), [
        'statement.result.score.raw: must be a number',
      ]);
      assert.deepEqual(problems(statement({ result: { score: { min: 5, max: 1 } } })), [
        'statement.result.score.max: must not be less than min',
      ]);
    });

    it('checks flags and duration', () => {
      assert.deepEqual(problems(statement({ result: { success: 'yes', duration: '5 minutes' } })), [
        'statement.result.success: must be a boolean',
        'statement.result.duration: must be an ISO 8601 duration (e.g. PT1M30S)',
      ]);
    });
  });

  describe('context', () => {
    it('requires context.registration to be a UUID', () => {
      assert.deepEqual(problems(statement({ context: { registration: 'reg-1' } })), [
        'statement.context.registration: must be a UUID',
      ]);
    });

    it('requires IRI ids on context activities, single or listed', () => {
      assert.deepEqual(
        problems(
          statement({
            context: {
              contextActivities: {
                parent: [
                  { id: 'https://lms.example/c/1' },
                  { id: '438AD672-DE2C-4F0B-8876-35444E7DD746' },
                ],
                category: { id: 'moodle' },
                siblings: [],
              },
            },
          }),
        ),
        [
          'statement.context.contextActivities.parent[1].id: must be an absolute IRI',
          'statement.context.contextActivities.category.id: must be an absolute IRI',
          'statement.context.contextActivities.siblings: is not a property of contextActivities (parent, grouping, category, other)',
        ],
      );
    });

    it("refuses a context activity typed as something else, but holds edX's 'GroupActivity' to the Activity rules", () => {
      const withParent = (parent: unknown) =>
        statement({ context: { contextActivities: { parent } } });
      assert.deepEqual(problems(withParent([{ objectType: 'Agent', id: 'https://x.org/a' }])), [
        "statement.context.contextActivities.parent[0].objectType: must be 'Activity' or absent",
      ]);
      assert.deepEqual(
        problems(withParent([{ objectType: 'GroupActivity', id: 'https://x.org/a' }])),
        [],
      );
      assert.deepEqual(problems(withParent([{ objectType: 'GroupActivity', id: 'a' }])), [
        'statement.context.contextActivities.parent[0].id: must be an absolute IRI',
      ]);
    });

    it('checks language, team and extension keys', () => {
      assert.deepEqual(
        problems(
          statement({
            context: {
              language: 'en_GB',
              team: { mbox: 'mailto:t@example.org' },
              extensions: { 'session id': 1 },
            },
          }),
        ),
        [
          "statement.context.team: must be a Group (objectType 'Group')",
          'statement.context.language: must be an RFC 5646 language tag',
          'statement.context.extensions["session id"]: key must be an absolute IRI',
        ],
      );
    });
  });

  it('requires an RFC 3339 timestamp with a zone under xAPI 2.0', () => {
    assert.deepEqual(problems(statement({ timestamp: '2024-05-01 12:00' })), [
      'statement.timestamp: must be an RFC 3339 date-time with seconds and a time zone (e.g. 2024-05-01T12:00:00Z)',
    ]);
    assert.deepEqual(problems(statement({ timestamp: '2024-05-01T12:00:00' })).length, 1);
  });

  it('refuses an unsupported statement version', () => {
    assert.deepEqual(problems(statement({ version: '0.95' })), [
      "statement.version: must be '1.0', '1.0.x' or '2.0.x'",
    ]);
  });

  it('never throws, whatever type each part has', () => {
    const oddValues: unknown[] = [null, 0, -1, 'x', true, [], [null], {}, { id: 5 }, [{ id: [] }]];
    const parts = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'version'];
    for (const part of parts) {
      for (const value of oddValues) {
        const nested = { [part]: value };
        for (const input of [
          statement(nested),
          statement({ object: { objectType: 'SubStatement', ...nested } }),
          statement({ result: { score: value, extensions: value } }),
          statement({
            context: { contextActivities: { parent: value }, instructor: value, team: value },
          }),
          statement({ actor: { objectType: 'Group', member: value, account: value } }),
        ]) {
          assert.ok(
            Array.isArray(validateStatementShape(input)),
            `${part}: ${JSON.stringify(value)}`,
          );
        }
      }
    }
  });

  it('reports every problem of a statement at once', () => {
    const errors = validateStatementShape(
      statement({
        id: 'x',
        verb: { id: 'done' },
        timestamp: 'now',
        result: { score: { scaled: 2 } },
      }),
    );
    assert.deepEqual(
      errors.map((e) => e.path),
      ['statement.id', 'statement.verb.id', 'statement.result.score.scaled', 'statement.timestamp'],
    );
  });
});

describe('validateStatementBatch', () => {
  it('validates a single statement body with statement paths', () => {
    assert.deepEqual(validateStatementBatch(statement()), []);
    assert.deepEqual(validateStatementBatch(statement({ id: 'x' })), [
      { path: 'statement.id', rule: 'must be a UUID' },
    ]);
  });

  it('indexes the errors of an array body', () => {
    assert.deepEqual(
      validateStatementBatch([
        statement({ id: undefined }),
        statement({ id: undefined, verb: { id: 'x' } }),
      ]),
      [{ path: 'statements[1].verb.id', rule: 'must be an absolute IRI' }],
    );
  });

  it('refuses ids repeated within a batch, whatever their case', () => {
    const id = '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11';
    assert.deepEqual(
      validateStatementBatch([
        statement({ id }),
        statement({ id: undefined }),
        statement({ id: id.toUpperCase() }),
      ]),
      [{ path: 'statements[2].id', rule: 'duplicates statements[0].id' }],
    );
  });

  it('refuses an empty array', () => {
    assert.deepEqual(validateStatementBatch([]), [
      { path: 'statements', rule: 'must contain at least one statement' },
    ]);
  });
});
