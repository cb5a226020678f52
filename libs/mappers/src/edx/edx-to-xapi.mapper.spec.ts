/** edX → xAPI beyond the fixtures: root URL, names, ids, timestamps, validity, Python formats. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateStatement } from '@learnpulse/xapi';
import { parseEdxEvent, parseEdxEventLine } from './edx-event';
import { type EdxEvent } from './edx-event.types';
import { readLines } from './edx-fixture-set.testing';
import { mapEdxEventToXapi, NO_COURSE_METADATA } from './edx-to-xapi.mapper';
import { edxLearnerKey } from './learner-identifier';
import { type EdxXapiStatement } from './xapi/edx-xapi.types';
import { pythonJsonDumps, pythonRepr } from './xapi/python-json';
import { tincanDuration } from './xapi/video.xapi-transformer';

const options = { learnerIds: edxLearnerKey, courses: NO_COURSE_METADATA };

function event(input: unknown): EdxEvent {
  const result = parseEdxEvent(input);
  assert.ok(result.ok, JSON.stringify(result));
  return result.event;
}

function statements(value: EdxXapiStatement | EdxXapiStatement[] | null): EdxXapiStatement[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const play = {
  name: 'play_video',
  timestamp: '2020-07-15T06:52:55.057099+00:00',
  data: { id: 'v1', currentTime: 3.14159, duration: 60 },
  context: { course_id: 'course-v1:A+B+C', user_id: 7, host: 'lms.example.org', session: 's' },
};

describe('mapEdxEventToXapi', () => {
  it('takes the LMS root from the event host when none is configured', () => {
    const [statement] = statements(mapEdxEventToXapi(event(play), options));
    assert.ok(statement !== undefined);
    assert.deepEqual(statement.actor, {
      objectType: 'Agent',
      account: { homePage: 'https://lms.example.org', name: 'user:7' },
    });
    assert.equal(
      statement.object.id,
      'https://lms.example.org/xblock/block-v1:A+B+C+type@video+block@v1',
    );
    assert.deepEqual(statement.result, {
      extensions: { 'https://w3id.org/xapi/video/extensions/time': 3.142 },
    });
  });

  it('names the course by the lookup, else by its id', () => {
    const named = statements(
      mapEdxEventToXapi(event(play), {
        ...options,
        courses: { courseName: () => 'Biology 101', blockName: () => undefined },
      }),
    );
    assert.deepEqual(named[0]?.context.contextActivities?.parent?.[0]?.definition?.name, {
      'en-US': 'Biology 101',
    });
    const unnamed = statements(mapEdxEventToXapi(event(play), options));
    assert.deepEqual(unnamed[0]?.context.contextActivities?.parent?.[0]?.definition?.name, {
      'en-US': 'course-v1:A+B+C',
    });
  });

  it('gives the same statement id to a re-sent event and a different one to another learner', () => {
    const first = statements(mapEdxEventToXapi(event(play), options))[0]?.id;
    const again = statements(mapEdxEventToXapi(event(play), options))[0]?.id;
    const other = statements(
      mapEdxEventToXapi(event({ ...play, context: { ...play.context, user_id: 8 } }), options),
    )[0]?.id;
    assert.equal(first, again);
    assert.notEqual(first, other);
  });

  it('returns null for events it has no transformer for, or that lack what it needs', () => {
    assert.equal(
      mapEdxEventToXapi(
        event({ name: 'edx.something.new', timestamp: '2024-01-01T00:00:00Z' }),
        options,
      ),
      null,
    );
    assert.equal(mapEdxEventToXapi(event({ ...play, context: {} }), options), null);
  });

  it('writes a Z timestamp as +00:00 and a zone-less one as UTC', () => {
    const z = statements(
      mapEdxEventToXapi(event({ ...play, timestamp: '2023-08-22T20:16:25.500832Z' }), options),
    );
    assert.equal(z[0]?.timestamp, '2023-08-22T20:16:25.500832+00:00');
    const bare = statements(
      mapEdxEventToXapi(event({ ...play, timestamp: '2023-08-22T20:16:25.500832' }), options),
    );
    assert.equal(bare[0]?.timestamp, '2023-08-22T20:16:25.500832+00:00');
  });

  for (const file of ['edx/tracking.ndjson', 'edx/tracking-sample.log']) {
    it(`produces only valid xAPI 1.0.3 (or null) for ${file}, apart from Open edX's own known-invalid shapes`, () => {
      for (const [i, line] of readLines(file).entries()) {
        const parsed = parseEdxEventLine(line);
        assert.ok(parsed.ok);
        for (const statement of statements(mapEdxEventToXapi(parsed.event, options))) {
          const errors = validateStatement(JSON.parse(JSON.stringify(statement)), {
            version: '1.0.3',
          });
          // Special-exam attempt codes are not IRIs, and a problem_check naming no problem has no object id.
          const tolerated = errors.filter(
            (e) => !/grouping\[0\]\.id|^statement\.object(\.id)?$/.test(e.path),
          );
          assert.deepEqual(tolerated, [], `${file} line ${i + 1}`);
        }
      }
    });
  }
});

describe('Open edX serialisation details', () => {
  it('writes durations as tincan does', () => {
    assert.equal(tincanDuration(195), 'PT03M15S');
    assert.equal(tincanDuration(5), 'PT05S');
    assert.equal(tincanDuration(3605.5), 'PT01H00M05.5S');
    assert.equal(tincanDuration(90000), 'P1DT01H00M00S');
  });

  it("writes JSON as Python's json.dumps", () => {
    assert.equal(
      pythonJsonDumps({ id: 'x', display: { en: 'played' } }),
      '{"id": "x", "display": {"en": "played"}}',
    );
    assert.equal(pythonJsonDumps(['é', 1.5]), '["\\u00e9", 1.5]');
    assert.equal(pythonJsonDumps(['é'], false), '["é"]');
    assert.equal(pythonRepr({ a: ['b', 1, null, true] }), "{'a': ['b', 1, None, True]}");
  });
});
