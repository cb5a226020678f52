import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type MapResult, type SourceRecord } from './import-format';
import { edxFormat } from './edx.format';
import { MappingWorkerError, RecordMappingPool } from './record-mapping.pool';
import { type MappingWorkerData } from './record-mapping.protocol';
import { jsonSourceRecord, mapSourceRecord } from './source-record';

// dist/src/import → the workspace root, beside it ../shared (tests only).
const FIXTURES = path.resolve(__dirname, '../../../../../../shared/fixtures');

const data: MappingWorkerData = {
  format: 'edx',
  tenant: 'acme',
  config: { LEARNER_PSEUDONYM_KEY: 'p'.repeat(40), EDX_LMS_ROOT_URLS: [] },
  receivedAt: Date.parse('2026-01-01T00:00:00Z'),
  options: {},
};

/** The fixture's lines, unparsed as the reader gives them to the pool, and some bad ones. */
function records(): SourceRecord[] {
  const fixture = readFileSync(path.join(FIXTURES, 'edx/tracking.ndjson'), 'utf8')
    .split('\n')
    .filter((raw) => raw.trim() !== '');
  const raws = [...fixture, 'not json', '{"event_type": 42}', '[]', ...fixture.slice(0, 3)];
  return raws.map((raw, index) => ({ line: index + 1, raw, value: undefined }));
}

/** Results in a comparable form: value bytes as hex. */
function comparable(results: readonly MapResult[]): unknown {
  return results.map((result) =>
    'errors' in result
      ? result
      : result.records.map((record) => ({
          topic: record.topic,
          messages: record.messages.map((message) => ({
            ...message,
            value: Buffer.isBuffer(message.value) ? message.value.toString('hex') : message.value,
          })),
        })),
  );
}

describe('RecordMappingPool', () => {
  let pool: RecordMappingPool;
  before(async () => {
    pool = await RecordMappingPool.start(data, 2);
  });
  after(async () => {
    await pool.close();
  });

  it('maps records in the workers exactly as the main thread does, bad ones as errors', async () => {
    const input = records();
    const prepared = await edxFormat.prepare({
      ...data,
      files: [],
      readRecords: () => {
        throw new Error('not read');
      },
    });
    const mapper = prepared.mapperFor('tracking.ndjson');
    const expected = input.map((record) =>
      mapSourceRecord(mapper, jsonSourceRecord(record.line, record.raw), 'json-lines'),
    );
    const mapped = await pool.map('tracking.ndjson', 'json-lines', input);
    assert.equal(mapped.length, input.length);
    assert.deepEqual(comparable(mapped), comparable(expected));
    const notJson = mapped[input.findIndex((record) => record.raw === 'not json')];
    assert.deepEqual(notJson, { errors: [{ path: '', rule: 'must be JSON' }] });
    assert.ok(mapped.some((result) => 'records' in result && result.records.length === 2));
  });

  it('keeps every chunk in its own order when many are in flight on both workers', async () => {
    const input = records();
    const chunks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => pool.map('f', 'json-lines', input.slice(i, i + 4))),
    );
    const whole = await pool.map('f', 'json-lines', input.slice(0, 11));
    for (const [i, chunk] of chunks.entries()) {
      assert.deepEqual(comparable(chunk), comparable(whole.slice(i, i + 4)));
    }
  });
});

describe('RecordMappingPool.start', () => {
  it('rejects, naming the cause, when the workers cannot prepare the format', async () => {
    await assert.rejects(
      RecordMappingPool.start({ ...data, config: { EDX_LMS_ROOT_URLS: [] } }, 1),
      (error: unknown) =>
        error instanceof MappingWorkerError && /LEARNER_PSEUDONYM_KEY/.test(error.message),
    );
  });

  it('refuses a format whose mappers need the run files (csv)', async () => {
    await assert.rejects(
      RecordMappingPool.start({ ...data, format: 'csv' }, 1),
      /csv does not map in workers/,
    );
  });
});
