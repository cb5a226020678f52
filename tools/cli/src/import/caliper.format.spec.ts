import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { learningEventCodec } from '@learnpulse/events';
import { TOPICS } from '@learnpulse/kafka';
import { learnerPseudonyms, PSEUDONYM_PATTERN } from '@learnpulse/mappers';
import { mapCaliperRecord } from './caliper.format';

const pseudonyms = learnerPseudonyms('import-spec-pseudonym-key-of-32-chars!', 'acme');

const FIXTURES = path.resolve(__dirname, '../../../../../../shared/fixtures/caliper');
const RECEIVED = Date.parse('2026-01-01T00:00:00Z');

function fixture(folder: string, name: string) {
  const raw = readFileSync(path.join(FIXTURES, folder, name), 'utf8');
  return { line: 1, raw, value: JSON.parse(raw) as unknown };
}

describe('import caliper', () => {
  it('imports every envelope and event fixture as LearningEvents keyed by tenant', () => {
    let events = 0;
    for (const folder of ['v1p1', 'v1p2']) {
      for (const name of readdirSync(path.join(FIXTURES, folder))) {
        const record = fixture(folder, name);
        const kind = (record.value as { type?: string; sensor?: string }).sensor
          ? 'envelope'
          : /Event$/.test((record.value as { type?: string }).type ?? '')
            ? 'event'
            : 'other';
        if (kind === 'other') continue;
        const result = mapCaliperRecord(record, 'acme', RECEIVED, pseudonyms);
        if ('errors' in result) {
          // An envelope of entities only has no learner action to import.
          assert.equal(kind, 'envelope', `${folder}/${name}: ${JSON.stringify(result.errors)}`);
          continue;
        }
        for (const message of result.records[0]!.messages) {
          assert.equal(result.records[0]!.topic, TOPICS.learningEvents);
          const event = learningEventCodec.decode(message.value as Buffer);
          assert.equal(event.source, 'caliper');
          assert.equal(message.key, `acme:${event.learnerId}`);
          assert.match(event.learnerId, PSEUDONYM_PATTERN);
          events += 1;
        }
      }
    }
    assert.ok(events > 50, `${events} events`);
  });

  it('refuses an entity alone, and an invalid event with its rule', () => {
    const entity = mapCaliperRecord(
      fixture('v1p2', 'caliperEntityAgent.json'),
      'acme',
      RECEIVED,
      pseudonyms,
    );
    assert.ok('errors' in entity);
    assert.match(entity.errors[0]!.rule, /envelope or event/);
    const invalid = readdirSync(path.join(FIXTURES, 'invalid')).find(
      (name) => name.startsWith('caliperEvent') && !name.includes('BadJson'),
    );
    assert.ok(invalid !== undefined);
    const refused = mapCaliperRecord(fixture('invalid', invalid), 'acme', RECEIVED, pseudonyms);
    assert.ok('errors' in refused && refused.errors.length > 0, invalid);
  });

  it('refuses text that is not JSON', () => {
    const result = mapCaliperRecord(
      { line: 1, raw: '{"a":', value: null },
      'acme',
      RECEIVED,
      pseudonyms,
    );
    assert.ok('errors' in result);
    assert.match(result.errors[0]!.rule, /JSON/);
  });
});
