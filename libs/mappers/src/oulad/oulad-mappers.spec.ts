import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOuladStartDate } from './oulad-dates';
import { addOuladAssessment, addOuladSite, emptyOuladLookups } from './oulad-lookups';
import { type OuladMappingContext, type OuladMappingResult } from './oulad-mapping.types';
import { mapOuladRow, ouladTableName } from './oulad-table.mapper';

const start = Date.UTC(2013, 9, 1);
const DAY = 86_400_000;
const ctx: OuladMappingContext = { tenant: 'ou', startDate: start, receivedAt: 42, line: 7 };

const lookups = emptyOuladLookups();
addOuladSite(lookups, {
  id_site: '546652',
  code_module: 'AAA',
  code_presentation: '2013J',
  activity_type: 'forumng',
  week_from: '',
  week_to: '',
});
addOuladAssessment(lookups, {
  code_module: 'AAA',
  code_presentation: '2013J',
  id_assessment: '1752',
  assessment_type: 'TMA',
  date: '19',
  weight: '10',
});

function events(result: OuladMappingResult) {
  assert.ok('events' in result, `expected events, got ${JSON.stringify(result)}`);
  return result.events;
}

function errors(result: OuladMappingResult) {
  assert.ok('errors' in result, `expected errors, got ${JSON.stringify(result)}`);
  return result.errors;
}

const registration = (overrides: Record<string, string> = {}) => ({
  code_module: 'AAA',
  code_presentation: '2013J',
  id_student: '30268',
  date_registration: '-92',
  date_unregistration: '12',
  ...overrides,
});

const click = (overrides: Record<string, string> = {}) => ({
  code_module: 'AAA',
  code_presentation: '2013J',
  id_student: '28400',
  id_site: '546652',
  date: '-10',
  sum_click: '4',
  ...overrides,
});

const submission = (overrides: Record<string, string> = {}) => ({
  id_assessment: '1752',
  id_student: '11391',
  date_submitted: '18',
  is_banked: '0',
  score: '78',
  ...overrides,
});

describe('OULAD studentRegistration', () => {
  it('emits enrolled on the registration day and unenrolled on the unregistration day', () => {
    const [enrolled, unenrolled, ...rest] = events(
      mapOuladRow('studentRegistration', registration(), ctx, lookups),
    );
    assert.equal(rest.length, 0);
    assert.equal(enrolled?.action, 'enrolled');
    assert.equal(enrolled.occurredAt, start - 92 * DAY);
    assert.equal(enrolled.learnerId, '30268');
    assert.equal(enrolled.courseId, 'AAA-2013J');
    assert.equal(enrolled.objectId, 'AAA-2013J');
    assert.equal(enrolled.source, 'csv');
    assert.equal(enrolled.receivedAt, 42);
    assert.equal(unenrolled?.action, 'unenrolled');
    assert.equal(unenrolled.occurredAt, start + 12 * DAY);
    assert.notEqual(enrolled.eventId, unenrolled.eventId);
  });

  it('emits only enrolled when date_unregistration is empty', () => {
    const found = events(
      mapOuladRow('studentRegistration', registration({ date_unregistration: '' }), ctx, lookups),
    );
    assert.deepEqual(
      found.map((event) => event.action),
      ['enrolled'],
    );
  });

  it('gives the same row the same event id on every import, whatever its line', () => {
    const first = events(mapOuladRow('studentRegistration', registration(), ctx, lookups));
    const again = events(
      mapOuladRow('studentRegistration', registration(), { ...ctx, line: 99 }, lookups),
    );
    assert.deepEqual(
      first.map((event) => event.eventId),
      again.map((event) => event.eventId),
    );
  });

  it('emits only unenrolled when the registration day is missing, inventing no date', () => {
    const found = events(
      mapOuladRow('studentRegistration', registration({ date_registration: '' }), ctx, lookups),
    );
    assert.deepEqual(
      found.map((event) => event.action),
      ['unenrolled'],
    );
  });

  it('rejects a row with neither a registration nor an unregistration day', () => {
    assert.deepEqual(
      errors(
        mapOuladRow(
          'studentRegistration',
          registration({ date_registration: '', date_unregistration: '' }),
          ctx,
          lookups,
        ),
      ),
      [{ path: 'date_registration', rule: 'is required when date_unregistration is empty' }],
    );
  });

  it('rejects a registration day that is not a whole number', () => {
    assert.deepEqual(
      errors(
        mapOuladRow('studentRegistration', registration({ date_registration: '?' }), ctx, lookups),
      ),
      [{ path: 'date_registration', rule: 'must be a whole number of days' }],
    );
  });
});

describe('OULAD studentVle', () => {
  it('emits one viewed event per row with the site as object and the clicks in the payload', () => {
    const [viewed] = events(mapOuladRow('studentVle', click(), ctx, lookups));
    assert.equal(viewed?.action, 'viewed');
    assert.equal(viewed.objectId, '546652');
    assert.equal(viewed.objectType, 'forumng');
    assert.equal(viewed.occurredAt, start - 10 * DAY);
    const payload = JSON.parse(viewed.payload) as { clicks: number; table: string };
    assert.equal(payload.clicks, 4);
    assert.equal(payload.table, 'studentVle');
  });

  it('keeps repeated identical rows apart by their line', () => {
    const [a] = events(mapOuladRow('studentVle', click(), ctx, lookups));
    const [b] = events(mapOuladRow('studentVle', click(), { ...ctx, line: 8 }, lookups));
    assert.notEqual(a?.eventId, b?.eventId);
  });

  it('rejects a site that vle.csv does not list', () => {
    assert.deepEqual(errors(mapOuladRow('studentVle', click({ id_site: '1' }), ctx, lookups)), [
      { path: 'id_site', rule: 'must be a site of vle.csv' },
    ]);
  });

  it('rejects a site of another presentation', () => {
    const found = errors(
      mapOuladRow('studentVle', click({ code_presentation: '2014J' }), ctx, lookups),
    );
    assert.equal(found[0]?.path, 'id_site');
  });
});

describe('OULAD studentAssessment', () => {
  it('emits submitted with the score out of 100', () => {
    const [submitted] = events(mapOuladRow('studentAssessment', submission(), ctx, lookups));
    assert.equal(submitted?.action, 'submitted');
    assert.equal(submitted.courseId, 'AAA-2013J');
    assert.equal(submitted.objectId, '1752');
    assert.equal(submitted.objectType, 'tma');
    assert.equal(submitted.occurredAt, start + 18 * DAY);
    assert.deepEqual(submitted.score, { raw: 78, min: 0, max: 100, scaled: 0.78 });
  });

  for (const missing of ['', '?']) {
    it(`emits submitted without a score when score is ${JSON.stringify(missing)}`, () => {
      const [submitted] = events(
        mapOuladRow('studentAssessment', submission({ score: missing }), ctx, lookups),
      );
      assert.equal(submitted?.score, null);
    });
  }

  it('rejects a score above 100 and an unknown assessment', () => {
    assert.deepEqual(
      errors(
        mapOuladRow(
          'studentAssessment',
          submission({ score: '101', id_assessment: '9' }),
          ctx,
          lookups,
        ),
      ),
      [
        { path: 'score', rule: 'must be a number from 0 to 100, empty or ?' },
        { path: 'id_assessment', rule: 'must be an assessment of assessments.csv' },
      ],
    );
  });
});

describe('OULAD files and dates', () => {
  it('names a table after the file name before its first dot', () => {
    assert.equal(ouladTableName('/data/oulad/studentVle.csv.gz'), 'studentVle');
  });

  it('reads a start date as 00:00 UTC and refuses impossible dates', () => {
    assert.equal(parseOuladStartDate('2013-10-01'), start);
    assert.equal(parseOuladStartDate('2013-02-30'), null);
    assert.equal(parseOuladStartDate('01/10/2013'), null);
  });
});
