/**
 * Every Open edX fixture with an expected xAPI file must map to exactly those statements,
 * field by field, ids included (../shared/fixtures, from event-routing-backends).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { validateStatement } from '@learnpulse/xapi';
import { parseEdxEvent } from './edx-event';
import {
  expectedStatements,
  invalidExpectedFiles,
  manifest,
  readLines,
} from './edx-fixture-set.testing';
import { mapEdxEventToXapi } from './edx-to-xapi.mapper';
import { isJsonObject, textAt } from './json-value';
import { type CourseMetadataLookup } from './xapi/edx-xapi.types';

const ROOT = 'http://localhost:18000';
const lines = readLines('edx/tracking.ndjson');
const entries = manifest().filter((entry) => entry.xapi_expected !== null);
const invalid = invalidExpectedFiles();

/** Course names as the expected statements spell them (Open edX looked them up in its DB). */
function courseLookup(): CourseMetadataLookup {
  const names = new Map<string, string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    if (!isJsonObject(value)) return;
    const id = textAt(value, 'id');
    const type = textAt(value, 'definition.type');
    const name =
      value.definition !== undefined && isJsonObject(value.definition)
        ? value.definition.name
        : undefined;
    if (
      id?.startsWith(`${ROOT}/course/`) === true &&
      type?.endsWith('/course') === true &&
      isJsonObject(name)
    ) {
      const text = Object.values(name)[0];
      if (typeof text === 'string') names.set(id.slice(`${ROOT}/course/`.length), text);
    }
    Object.values(value).forEach(visit);
  };
  for (const entry of entries) expectedStatements(entry).forEach(visit);
  return { courseName: (key) => names.get(key), blockName: () => undefined };
}

const courses = courseLookup();

function normalised(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

describe('edX → xAPI against event-routing-backends fixtures', () => {
  it('finds the fixtures', () => {
    assert.ok(entries.length >= 50, `only ${entries.length} fixtures with expected xAPI`);
  });

  for (const entry of entries) {
    it(`maps ${entry.fixture} (line ${entry.line}) to the expected statement(s)`, () => {
      const expected = expectedStatements(entry);
      // The anonymised user id Open edX gave this fixture's learner.
      const actorName = textAt(expected[0] ?? {}, 'actor.account.name') ?? '';
      const parsed = parseEdxEvent(JSON.parse(lines[entry.line - 1] ?? 'null'));
      assert.ok(parsed.ok, JSON.stringify(parsed));
      const actual = mapEdxEventToXapi(parsed.event, {
        learnerIds: () => actorName,
        courses,
        lmsRootUrl: ROOT,
        transformerVersion: 'event-routing-backends@1.1.1',
      });
      assert.ok(actual !== null, 'no statement');
      const list = Array.isArray(actual) ? actual : [actual];
      assert.deepStrictEqual(normalised(list), expected);
      // Known-invalid expectations (a non-IRI id, a missing object id) are matched as Open edX
      // sends them; every other statement must be valid xAPI 1.0.3.
      const knownInvalid = invalid.has(path.basename(entry.xapi_expected ?? ''));
      for (const statement of list) {
        const errors = validateStatement(normalised(statement), { version: '1.0.3' });
        if (knownInvalid) assert.notDeepEqual(errors, [], 'listed as invalid, but validates');
        else assert.deepEqual(errors, []);
      }
    });
  }
});
