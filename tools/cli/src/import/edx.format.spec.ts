import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decodeStoredStatement, learningEventCodec } from '@learnpulse/events';
import { TOPICS } from '@learnpulse/kafka';
import { edxRecordMapper, IMPORT_CREDENTIAL_KEY } from './edx.format';
import { ImportUsageError, type MapResult, type SourceRecord } from './import-format';

// dist/src/import → the workspace root, beside it ../shared (tests only).
const FIXTURES = path.resolve(__dirname, '../../../../../../shared/fixtures');
const KEY = 'k'.repeat(40);

function lines(file: string): SourceRecord[] {
  return readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '')
    .map(({ raw, line }) => ({ raw, line, value: JSON.parse(raw) as unknown }));
}

function recordsOf(result: MapResult) {
  assert.ok('records' in result, JSON.stringify(result));
  return result.records;
}

const run = (tenant = 'acme') => ({
  tenant,
  receivedAt: Date.parse('2026-01-01T00:00:00Z'),
  config: { LEARNER_PSEUDONYM_KEY: KEY, EDX_LMS_ROOT_URLS: [] },
});

describe('import edx', () => {
  it('maps every fixture line to its LearningEvent, and statements where Open edX has them', () => {
    const map = edxRecordMapper(run());
    let statements = 0;
    for (const record of [...lines('edx/tracking.ndjson'), ...lines('edx/tracking-sample.log')]) {
      const records = recordsOf(map(record));
      const events = records.find((r) => r.topic === TOPICS.learningEvents)?.messages ?? [];
      assert.equal(events.length, 1, `line ${record.line}`);
      const event = learningEventCodec.decode(events[0]!.value as Buffer);
      assert.equal(event.source, 'edx');
      assert.equal(event.tenant, 'acme');
      assert.ok(events[0]!.key.startsWith('acme:'));
      for (const stored of records.find((r) => r.topic === TOPICS.xapiStatements)?.messages ?? []) {
        const value = decodeStoredStatement(stored.value as Buffer);
        assert.equal((value.authority.account as { name: string }).name, IMPORT_CREDENTIAL_KEY);
        statements += 1;
      }
    }
    assert.ok(statements > 40, `${statements} statements`);
  });

  it('gives the same ids and keys when the same line is imported again (counted once)', () => {
    const [record] = lines('edx/tracking.ndjson');
    const first = recordsOf(edxRecordMapper(run())(record!));
    const again = recordsOf(edxRecordMapper({ ...run(), receivedAt: Date.now() })(record!));
    const ids = (records: ReturnType<typeof recordsOf>) =>
      records.flatMap((r) =>
        r.messages.map((m) =>
          r.topic === TOPICS.learningEvents
            ? learningEventCodec.decode(m.value as Buffer).eventId
            : m.key,
        ),
      );
    assert.deepEqual(ids(again), ids(first));
  });

  it('pseudonymises learners per tenant', () => {
    const [record] = lines('edx/tracking.ndjson');
    const key = (tenant: string) =>
      recordsOf(edxRecordMapper(run(tenant))(record!)).find(
        (r) => r.topic === TOPICS.learningEvents,
      )?.messages[0]?.key;
    assert.notEqual(key('acme')?.slice('acme:'.length), key('other')?.slice('other:'.length));
  });

  it('refuses a line that is no edX event, naming the rule', () => {
    const result = edxRecordMapper(run())({ line: 3, raw: '[1]', value: [1] });
    assert.ok('errors' in result);
    assert.match(result.errors[0]!.rule, /JSON object/);
  });

  it('will not start without LEARNER_PSEUDONYM_KEY', () => {
    assert.throws(
      () =>
        edxRecordMapper({
          ...run(),
          config: { LEARNER_PSEUDONYM_KEY: undefined, EDX_LMS_ROOT_URLS: [] },
        }),
      (error: unknown) =>
        error instanceof ImportUsageError && /LEARNER_PSEUDONYM_KEY/.test(error.message),
    );
  });
});
