/**
 * The lib against real LMS output: the xAPI statements Open edX and Moodle's xAPI plug-in emit
 * (/work/shared/fixtures, next to the repo). Every accepted sample must validate and map.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { learningEventCodec } from '@learnpulse/events';
import { lrsAuthority } from './lrs-authority';
import { normaliseStatement } from './normalise-statement';
import { statementsEquivalent } from './statement-comparison';
import { canonicalStatement, idsOnlyStatement } from './statement-formats';
import { type XapiStatement } from './statement.types';
import { statementToLearningEvent } from './statement-to-learning-event';
import { validateStatement, validateStatementShape } from './validate-statement';

// dist/src/real-samples.spec.js → repo root → its sibling `shared`.
const fixtures = path.resolve(__dirname, '../../../../../shared/fixtures');

interface Sample {
  name: string;
  statement: XapiStatement;
}

function readNdjson(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

function findFiles(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, name);
    return entry.name === name ? [full] : [];
  });
}

function samples(): Sample[] {
  const ndjson = readNdjson(path.join(fixtures, 'xapi/statements.ndjson')).map((statement, i) => ({
    name: `xapi/statements.ndjson line ${i + 1}`,
    statement: statement as XapiStatement,
  }));
  const moodle = findFiles(path.join(fixtures, 'moodle'), 'statements.json').flatMap((file) => {
    const content = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const list = Array.isArray(content) ? content : [content];
    return list.map((statement, i) => ({
      name: `${path.relative(fixtures, file)} [${i}]`,
      statement: statement as XapiStatement,
    }));
  });
  return [...ndjson, ...moodle, ...edxExpected()];
}

/** The known-bad samples: their original file names (under edx-xapi-expected/ too). */
function invalidManifest(): { reasons: string[]; path: string }[] {
  return JSON.parse(readFileSync(path.join(fixtures, 'xapi/invalid.manifest.json'), 'utf8')) as {
    reasons: string[];
    path: string;
  }[];
}

/** Open edX's expected xAPI output, one statement or an array per file, minus the known-bad. */
function edxExpected(): Sample[] {
  const dir = path.join(fixtures, 'edx-xapi-expected');
  const bad = new Set(invalidManifest().map((entry) => path.basename(entry.path)));
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !bad.has(file))
    .flatMap((file) => {
      const content = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
      const list = Array.isArray(content) ? content : [content];
      return list.map((statement, i) => ({
        name: `edx-xapi-expected/${file} [${i}]`,
        statement: statement as XapiStatement,
      }));
    });
}

const receivedAt = Date.UTC(2024, 4, 1);
const all = samples();

describe('real xAPI samples (Open edX, Moodle)', () => {
  it('finds the samples', () => {
    assert.ok(all.length >= 300, `only ${all.length} samples found under ${fixtures}`);
  });

  for (const version of ['2.0.0', '1.0.3'] as const) {
    it(`accepts every sample under xAPI ${version}`, () => {
      const failures = all
        .map(({ name, statement }) => ({ name, errors: validateStatement(statement, { version }) }))
        .filter(({ errors }) => errors.length > 0);
      assert.deepEqual(failures, []);
    });
  }

  it('includes every Open edX expected-output file that is not known-bad', () => {
    assert.ok(all.filter((s) => s.name.startsWith('edx-xapi-expected/')).length >= 45);
  });

  it('accepts every sample once normalised by the LRS', () => {
    const authority = lrsAuthority('acme');
    for (const { name, statement } of all) {
      const stored = normaliseStatement(statement, { authority, stored: new Date(receivedAt) });
      assert.deepEqual(validateStatementShape(stored), [], name);
    }
  });

  it('reads every sample back as the same statement once stored (comparison rules)', () => {
    const authority = lrsAuthority('acme');
    for (const { name, statement } of all) {
      const stored = normaliseStatement(statement, { authority, stored: new Date(receivedAt) });
      assert.ok(statementsEquivalent(statement, JSON.parse(JSON.stringify(stored))), name);
      assert.deepEqual(validateStatementShape(idsOnlyStatement(stored)), [], name);
      assert.deepEqual(validateStatementShape(canonicalStatement(stored, 'en')), [], name);
    }
  });

  it('maps every sample to a LearningEvent the Avro codec round-trips', () => {
    for (const { name, statement } of all) {
      const event = statementToLearningEvent('acme', statement, receivedAt);
      assert.match(event.eventId, /^[0-9a-f-]{36}$/, name);
      assert.ok(event.learnerId.length > 0, name);
      assert.ok(event.objectId.length > 0, name);
      assert.ok(Number.isFinite(event.occurredAt), name);
      assert.deepEqual(learningEventCodec.decode(learningEventCodec.encode(event)), event, name);
    }
  });

  it('maps an Open edX video completion', () => {
    const sample = all.find((s) => s.statement.id === 'f7c8b743-f18f-5016-8455-35ff8a2f8020');
    assert.ok(sample);
    const event = statementToLearningEvent('acme', sample.statement, receivedAt);
    assert.equal(
      event.learnerId,
      'account:http://localhost:18000|32e08e30-f8ae-4ce2-94a8-c2bfe38a70cb',
    );
    assert.equal(event.courseId, 'http://localhost:18000/course/course-v1:edX+DemoX+Demo_Course');
    assert.equal(event.objectType, 'video');
    assert.equal(event.action, 'completed');
    assert.equal(event.occurredAt, Date.parse('2020-07-15T06:46:41.543Z'));
  });

  it('maps a Moodle quiz attempt to its course (cmi5 course type) and learner', () => {
    const sample = all.find((s) => s.name.startsWith('moodle/mod_quiz/attempt_started'));
    assert.ok(sample);
    const event = statementToLearningEvent('acme', sample.statement, receivedAt);
    assert.equal(event.learnerId, 'account:http://www.example.org|1');
    assert.equal(event.courseId, 'http://www.example.org/course/view.php?id=2');
    assert.equal(event.objectType, 'attempt');
    assert.equal(event.action, 'attempted');
  });

  it('rejects the known-bad samples at the field named in their manifest', () => {
    const bad = readNdjson(path.join(fixtures, 'xapi/invalid.ndjson'));
    const manifest = invalidManifest();
    assert.equal(bad.length, manifest.length);
    bad.forEach((statement, i) => {
      const paths = validateStatementShape(statement).map((e) => e.path);
      for (const reason of manifest[i]?.reasons ?? []) {
        const field = reason.replace(/ not IRI$/, '').replace(/ id$/, '');
        const where = field.startsWith('contextActivities') ? `context.${field}` : field;
        assert.ok(
          paths.some((p) => p.startsWith(`statement.${where}`)),
          `line ${i + 1}: expected an error at ${where}, got ${JSON.stringify(paths)}`,
        );
      }
    });
  });
});
