/**
 * The validator against the Caliper specification's own fixtures (/work/shared/fixtures/caliper,
 * next to the repo): every v1p1 and v1p2 file passes under its version, judged by its content
 * (envelope, event, entity, endpoint configuration); every `invalid/<fixture>-<defect>.json` is
 * rejected with an error at the property its defect names.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCaliperJson } from './caliper-json';
import { type CaliperVersion } from './caliper-version';
import { validateCaliperDocument } from './validate-caliper';

// dist/src/caliper/*.spec.js → repo root → its sibling `shared`.
const fixtures = path.resolve(__dirname, '../../../../../../shared/fixtures/caliper');

function files(dir: string): string[] {
  return readdirSync(path.join(fixtures, dir))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

function read(dir: string, name: string): ReturnType<typeof parseCaliperJson> {
  return parseCaliperJson(readFileSync(path.join(fixtures, dir, name), 'utf8'));
}

// Defect names that say the property in other words.
const DEFECT_SYNONYMS: Readonly<Record<string, string>> = {
  creationDate: 'dateCreated',
  modifiedDate: 'dateModified',
  context: '@context',
  entityType: 'type',
  eventType: 'type',
  generatable: 'generated',
};

/** The property a defect names: `MalformedMaxAttemptsNotAnInt` → `maxAttempts`. */
function defectProperty(defect: string): string {
  const match =
    /^(?:Malformed|Malfromed|No|Null|Unknown|Wrong)(.+?)(?:NotA.*|NotValid.*|NotPresent|Not|Wrong(?:EntityType|ListElementType|Type|Value)|ListElementWrongType|Contains.*|UnknownValue|Invalid.*)?$/.exec(
      defect,
    );
  const name = match?.[1] ?? defect;
  const property = name.charAt(0).toLowerCase() + name.slice(1);
  return DEFECT_SYNONYMS[property] ?? property;
}

function pathNames(errorPath: string): string[] {
  return errorPath.split(/[.[\]"]+/).filter((part) => part.length > 0);
}

for (const [dir, version] of [
  ['v1p1', '1.1'],
  ['v1p2', '1.2'],
] as const satisfies readonly (readonly [string, CaliperVersion])[]) {
  describe(`Caliper ${version} fixtures (${dir})`, () => {
    it('finds the fixtures', () => {
      assert.ok(files(dir).length >= 50, `only ${files(dir).length} files under ${dir}`);
    });
    for (const name of files(dir)) {
      it(`accepts ${name}`, () => {
        const parsed = read(dir, name);
        assert.ok(parsed.ok, `${name} is not JSON`);
        const report = validateCaliperDocument(parsed.value, version);
        assert.equal(report.version, version);
        assert.deepEqual(report.errors, [], `${name} (${String(report.kind)})`);
      });
    }
  });
}

describe('Caliper invalid fixtures', () => {
  it('finds the fixtures', () => {
    assert.ok(files('invalid').length >= 100);
  });

  it('reads the defect a file name states', () => {
    assert.equal(defectProperty('MalformedCreationDate'), 'dateCreated');
    assert.equal(defectProperty('MalformedMaxAttemptsNotAnInt'), 'maxAttempts');
    assert.equal(defectProperty('MalformedKeywordsListElementWrongType'), 'keywords');
    assert.equal(defectProperty('MalformedMetricValueNotPresent'), 'metricValue');
    assert.equal(defectProperty('WrongAction'), 'action');
    assert.equal(defectProperty('NullEventTime'), 'eventTime');
    assert.equal(defectProperty('UnknownContext'), '@context');
  });

  for (const name of files('invalid')) {
    const defect = name
      .replace(/\.json$/, '')
      .split('-')
      .slice(1)
      .join('-');
    const parsed = read('invalid', name);
    if (!parsed.ok) {
      // BadJson by design, and one fixture with a stray trailing comma (see PROVENANCE.md).
      it(`rejects ${name} at the JSON parse step`, () => {
        const [first] = parsed.errors;
        assert.ok(first);
        assert.equal(first.path, 'body');
        assert.match(first.rule, /^must be JSON/);
      });
      continue;
    }
    const property = defectProperty(defect);
    it(`rejects ${name} with an error on ${property}`, () => {
      const { errors } = validateCaliperDocument(parsed.value, '1.2');
      assert.ok(errors.length > 0, 'accepted');
      assert.ok(
        errors.some((error) => pathNames(error.path).includes(property)),
        `no error on ${property}: ${JSON.stringify(errors)}`,
      );
    });
  }
});
