import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { learningEventCodec } from '@learnpulse/events';
import { type CaliperEnvelope, type CaliperEvent } from './caliper.types';
import { actionForCaliperEvent } from './caliper-action-map';
import {
  caliperCourseId,
  mapCaliperEnvelope,
  mapCaliperEventToLearningEvent,
} from './caliper-to-learning-event.mapper';
import { validateCaliperEvent } from './validate-caliper';

const fixtures = path.resolve(__dirname, '../../../../../../shared/fixtures');
const options = { tenant: 'acme', receivedAt: Date.UTC(2024, 4, 1) };

function fixture(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(fixtures, relative), 'utf8')) as unknown;
}

function event(name: string): CaliperEvent {
  return fixture(`caliper/v1p2/${name}.json`) as CaliperEvent;
}

describe('mapCaliperEventToLearningEvent', () => {
  it('maps a ViewEvent to viewed, with learner, course section, object and time', () => {
    const mapped = mapCaliperEventToLearningEvent(event('caliperEventViewViewedDocument'), options);
    assert.equal(mapped.source, 'caliper');
    assert.equal(mapped.tenant, 'acme');
    assert.equal(mapped.action, 'viewed');
    assert.equal(mapped.learnerId, 'https://example.edu/users/554433');
    assert.equal(mapped.courseId, 'https://example.edu/terms/201601/courses/7/sections/1');
    assert.equal(mapped.objectId, 'https://example.edu/etexts/201.epub');
    assert.equal(mapped.objectType, 'Document');
    assert.equal(mapped.score, null);
    assert.equal(mapped.occurredAt, Date.parse('2016-11-15T10:15:00.000Z'));
    assert.equal(mapped.receivedAt, options.receivedAt);
    assert.deepEqual(JSON.parse(mapped.payload), event('caliperEventViewViewedDocument'));
  });

  it('uses the Caliper event id as the event id, lower-cased, so re-sends deduplicate', () => {
    const original = event('caliperEventViewViewedDocument');
    const resent = { ...original, id: original.id.toUpperCase().replace('URN:UUID:', 'urn:uuid:') };
    const a = mapCaliperEventToLearningEvent(original, options);
    const b = mapCaliperEventToLearningEvent(resent, { ...options, receivedAt: 0 });
    assert.equal(a.eventId, original.id.slice('urn:uuid:'.length));
    assert.equal(a.eventId, b.eventId);
  });

  it('maps a GradeEvent to scored for the attempt’s learner, with scoreGiven / maxScore', () => {
    const mapped = mapCaliperEventToLearningEvent(event('caliperEventGradeGradedItem'), options);
    assert.equal(mapped.action, 'scored');
    assert.equal(mapped.learnerId, 'https://example.edu/users/554433');
    assert.deepEqual(mapped.score, { raw: 5, min: null, max: 5, scaled: 1 });
    assert.equal(
      mapped.objectId,
      'https://example.edu/terms/201601/courses/7/sections/1/assess/1/items/3',
    );
    assert.equal(mapped.objectType, 'AssessmentItem');
  });

  it('maps a SessionEvent TimedOut to the session’s user, not the application', () => {
    const mapped = mapCaliperEventToLearningEvent(event('caliperEventSessionTimedOut'), options);
    assert.equal(mapped.learnerId, 'https://example.edu/users/112233');
    assert.equal(mapped.action, 'other');
  });

  const cases: [string, string][] = [
    ['caliperEventSessionLoggedIn', 'logged_in'],
    ['caliperEventNavigationNavigatedToWebPage', 'navigated'],
    ['caliperEventAssessmentSubmitted', 'submitted'],
    ['caliperEventAssessmentItemStarted', 'attempted'],
    ['caliperEventAssignableActivated', 'other'],
    ['caliperEventMediaPausedVideo', 'paused_video'],
    ['caliperEventMessagePostedInlineContext', 'posted'],
    ['caliperEventMessageReplied', 'posted'],
    ['caliperEventForumSubscribed', 'other'],
    ['caliperEventThreadMarkedAsRead', 'viewed'],
    ['caliperEventToolUseUsed', 'viewed'],
    ['caliperEventQuestionnaireSubmitted', 'submitted'],
    ['caliperEventAnnotationBookmarked', 'other'],
  ];
  for (const [name, action] of cases) {
    it(`maps ${name} to ${action}`, () => {
      assert.equal(mapCaliperEventToLearningEvent(event(name), options).action, action);
    });
  }

  it('maps every v1p1 and v1p2 fixture event to a LearningEvent the Avro codec round-trips', () => {
    let count = 0;
    for (const dir of ['v1p1', 'v1p2']) {
      for (const name of readdirSync(path.join(fixtures, 'caliper', dir))) {
        const value = fixture(`caliper/${dir}/${name}`);
        if (!name.startsWith('caliperEvent')) continue;
        const mapped = mapCaliperEventToLearningEvent(value as CaliperEvent, options);
        assert.match(mapped.eventId, /^[0-9a-f-]{36}$/, name);
        assert.ok(mapped.learnerId.length > 0 && mapped.objectId.length > 0, name);
        assert.deepEqual(learningEventCodec.decode(learningEventCodec.encode(mapped)), mapped);
        count += 1;
      }
    }
    assert.ok(count >= 60, `only ${count} events`);
  });

  it('maps the valid Caliper events Open edX emits, videos as media', () => {
    const dir = path.join(fixtures, 'edx-caliper-expected');
    const play = fixture('edx-caliper-expected/play_video.json') as CaliperEvent;
    assert.deepEqual(validateCaliperEvent(play, '1.2'), []);
    assert.equal(mapCaliperEventToLearningEvent(play, options).action, 'played_video');
    const valid = readdirSync(dir)
      .map((name) => fixture(`edx-caliper-expected/${name}`) as CaliperEvent)
      .filter((value) => validateCaliperEvent(value, '1.2').length === 0);
    assert.ok(valid.length >= 15);
    for (const value of valid) {
      assert.notEqual(mapCaliperEventToLearningEvent(value, options).learnerId, '');
    }
  });
});

describe('actionForCaliperEvent', () => {
  it('maps media start and resume to played_video and the end to completed', () => {
    assert.equal(actionForCaliperEvent('MediaEvent', 'Started'), 'played_video');
    assert.equal(actionForCaliperEvent('MediaEvent', 'Resumed'), 'played_video');
    assert.equal(actionForCaliperEvent('MediaEvent', 'Ended'), 'completed');
    assert.equal(actionForCaliperEvent('MediaEvent', 'ChangedVolume'), 'other');
  });

  it('maps assignable and assessment work to attempted, submitted, completed', () => {
    assert.equal(actionForCaliperEvent('AssessmentEvent', 'Started'), 'attempted');
    assert.equal(actionForCaliperEvent('AssignableEvent', 'Completed'), 'completed');
    assert.equal(actionForCaliperEvent('AssignableEvent', 'Submitted'), 'submitted');
    assert.equal(actionForCaliperEvent('AssessmentItemEvent', 'Completed'), 'submitted');
  });

  it('maps the generic Event by its action alone', () => {
    assert.equal(actionForCaliperEvent('Event', 'Viewed'), 'viewed');
    assert.equal(actionForCaliperEvent('Event', 'Graded'), 'scored');
    assert.equal(actionForCaliperEvent('Event', 'Abandoned'), 'other');
    assert.equal(actionForCaliperEvent('Event', 'toString'), 'other');
  });
});

describe('caliperCourseId', () => {
  it('takes a course section or offering, or the course a group belongs to', () => {
    const offering = { id: 'https://example.edu/courses/7', type: 'CourseOffering' };
    assert.equal(caliperCourseId(offering), offering.id);
    const group = {
      id: 'https://example.edu/groups/2',
      type: 'Group',
      subOrganizationOf: offering,
    };
    assert.equal(caliperCourseId(group), offering.id);
    assert.equal(caliperCourseId('https://example.edu/courses/7'), offering.id);
    assert.equal(caliperCourseId({ id: 'https://example.edu', type: 'Organization' }), null);
    assert.equal(caliperCourseId(undefined), null);
  });
});

describe('mapCaliperEnvelope', () => {
  it('maps every event of a batch and counts no entities', () => {
    const body = fixture('caliper/v1p2/caliperEnvelopeEventBatch.json') as CaliperEnvelope;
    const mapped = mapCaliperEnvelope(body, options);
    assert.equal(mapped.events.length, body.data.length);
    assert.equal(mapped.entities, 0);
  });

  it('counts entities (objects or IRIs) without making events of them', () => {
    const single = fixture('caliper/v1p2/caliperEnvelopeEntitySingle.json') as CaliperEnvelope;
    const withIri = { ...single, data: [...single.data, 'https://example.edu/users/554433'] };
    const mapped = mapCaliperEnvelope(withIri, options);
    assert.deepEqual(mapped.events, []);
    assert.equal(mapped.entities, 2);
  });
});
