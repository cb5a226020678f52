/** edX events → LearningEvent: every fixture line, actions per family, anonymity, scores, ids. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LearningAction, learningEventCodec } from '@learnpulse/events';
import { parseEdxEvent, parseEdxEventLine } from './edx-event';
import { type EdxEvent } from './edx-event.types';
import { readLines } from './edx-fixture-set.testing';
import { mapEdxEventToLearningEvent } from './edx-to-learning-event.mapper';
import { edxLearnerKey } from './learner-identifier';

const options = {
  tenant: 'uni-north',
  receivedAt: Date.UTC(2024, 4, 1),
  learnerIds: edxLearnerKey,
};

function event(input: unknown): EdxEvent {
  const result = parseEdxEvent(input);
  assert.ok(result.ok, JSON.stringify(result));
  return result.event;
}

function fixtureEvents(file: string): { line: number; event: EdxEvent }[] {
  return readLines(file).map((text, i) => {
    const result = parseEdxEventLine(text);
    assert.ok(result.ok, `${file} line ${i + 1}: ${JSON.stringify(result)}`);
    return { line: i + 1, event: result.event };
  });
}

const ACTIONS: Readonly<Record<string, LearningAction>> = {
  'edx.course.enrollment.activated': 'enrolled',
  'edx.course.enrollment.deactivated': 'unenrolled',
  'edx.course.enrollment.mode_changed': 'enrolled',
  'edx.course.grade.passed.first_time': 'passed',
  'edx.course.grade.now_failed': 'failed',
  'edx.grades.course.grade_calculated': 'scored',
  'edx.grades.subsection.grade_calculated': 'scored',
  'edx.grades.problem.submitted': 'submitted',
  'edx.completion.block_completion.changed': 'completed',
  problem_check: 'submitted',
  problem_graded: 'scored',
  showanswer: 'viewed',
  'edx.problem.hint.demandhint_displayed': 'viewed',
  load_video: 'viewed',
  play_video: 'played_video',
  pause_video: 'paused_video',
  stop_video: 'paused_video',
  complete_video: 'completed',
  seek_video: 'navigated',
  'edx.video.position.changed': 'navigated',
  show_transcript: 'other',
  video_hide_cc_menu: 'other',
  'edx.video.closed_captions.shown': 'other',
  'edx.forum.thread.created': 'posted',
  'edx.forum.response.created': 'posted',
  'edx.forum.comment.created': 'posted',
  'edx.forum.comment.edited': 'posted',
  'edx.forum.thread.deleted': 'other',
  'edx.forum.thread.voted': 'other',
  'edx.forum.response.reported': 'other',
  'edx.special_exam.proctored.attempt.created': 'attempted',
  'edx.special_exam.timed.attempt.submitted': 'submitted',
  'edx.ui.lms.link_clicked': 'navigated',
  'edx.ui.lms.outline.selected': 'navigated',
  'edx.ui.lms.sequence.tab_selected': 'navigated',
  'edx.ui.lms.sequence.previous_selected': 'navigated',
  seq_goto: 'navigated',
  page_close: 'navigated',
  book: 'viewed',
  '/courses/edX/DemoX/Demo_Course/info': 'viewed',
  '/dashboard': 'viewed',
  '/login_ajax': 'logged_in',
  'edx.user.login': 'logged_in',
};

describe('mapEdxEventToLearningEvent', () => {
  for (const file of ['edx/tracking.ndjson', 'edx/tracking-sample.log']) {
    it(`maps every line of ${file} to a LearningEvent with a known action, and the codec round-trips it`, () => {
      for (const { line, event: parsed } of fixtureEvents(file)) {
        const { event, known } = mapEdxEventToLearningEvent(parsed, options);
        assert.ok(known, `${file} line ${line}: ${parsed.name} is not mapped`);
        assert.equal(event.source, 'edx');
        assert.ok(event.objectId.length > 0 && event.objectType.length > 0, `${file} line ${line}`);
        assert.deepEqual(learningEventCodec.decode(learningEventCodec.encode(event)), event);
      }
    });
  }

  it('maps each event family to its action', () => {
    for (const [name, action] of Object.entries(ACTIONS)) {
      const mapped = mapEdxEventToLearningEvent(
        event({ name, timestamp: '2024-01-01T00:00:00Z', context: { user_id: 1 } }),
        options,
      );
      assert.equal(mapped.event.action, action, name);
      assert.equal(mapped.known, true, name);
    }
  });

  it('keeps an unknown event as action other and says it is unknown', () => {
    const mapped = mapEdxEventToLearningEvent(
      event({ name: 'edx.something.new', timestamp: '2024-01-01T00:00:00Z', data: { x: 1 } }),
      options,
    );
    assert.equal(mapped.known, false);
    assert.equal(mapped.event.action, 'other');
    assert.equal(mapped.event.objectType, 'event');
  });

  it('flags the anonymous link click and keeps it', () => {
    const anonymous = fixtureEvents('edx/tracking.ndjson').find(
      ({ event: e }) => e.name === 'edx.ui.lms.link_clicked' && e.anonymous,
    );
    assert.ok(anonymous !== undefined);
    const { event: mapped } = mapEdxEventToLearningEvent(anonymous.event, options);
    assert.equal(mapped.learnerAnonymous, true);
    assert.equal(mapped.learnerId, 'session:6ad0a24d8303f49d14409a669d430b6f');
    assert.equal(mapped.action, 'navigated');
  });

  it('maps both course-id forms to the same course', () => {
    const old = mapEdxEventToLearningEvent(
      event({
        event_type: 'edx.course.enrollment.activated',
        time: '2015-04-13T17:10:11.440312+00:00',
        context: { course_id: 'edX/DemoX/Demo_Course' },
        event: { user_id: 1, mode: 'honor' },
      }),
      options,
    );
    const modern = mapEdxEventToLearningEvent(
      event({
        name: 'edx.course.enrollment.activated',
        timestamp: '2015-04-13T17:10:11.440312+00:00',
        context: { course_id: 'course-v1:edX+DemoX+Demo_Course' },
        data: { user_id: 1, mode: 'honor' },
      }),
      options,
    );
    assert.equal(old.event.courseId, 'course-v1:edX+DemoX+Demo_Course');
    assert.equal(modern.event.courseId, old.event.courseId);
    assert.equal(old.event.objectType, 'course');
    assert.equal(old.event.learnerId, 'user:1');
  });

  it('takes scores from problem checks, graded problems and course grades, guarding a maximum of 0', () => {
    const score = (name: string, data: object): unknown =>
      mapEdxEventToLearningEvent(event({ name, timestamp: '2024-01-01T00:00:00Z', data }), options)
        .event.score;
    assert.deepEqual(score('problem_check', { grade: 2, max_grade: 4 }), {
      raw: 2,
      min: 0,
      max: 4,
      scaled: 0.5,
    });
    assert.deepEqual(
      score('edx.grades.problem.submitted', { weighted_earned: 0, weighted_possible: 0 }),
      { raw: 0, min: 0, max: 0, scaled: null },
    );
    assert.deepEqual(
      score('edx.grades.subsection.grade_calculated', {
        weighted_total_earned: 3,
        weighted_total_possible: 3,
      }),
      { raw: 3, min: 0, max: 3, scaled: 1 },
    );
    assert.deepEqual(score('edx.grades.course.grade_calculated', { percent_grade: 0.8 }), {
      raw: 0.8,
      min: 0,
      max: 1,
      scaled: 0.8,
    });
    assert.equal(score('play_video', { id: 'v' }), null);
  });

  it('gives the same event the same id, and different events different ids', () => {
    const lines = readLines('edx/tracking-sample.log');
    const ids = lines.map((line) => {
      const parsed = parseEdxEventLine(line);
      assert.ok(parsed.ok);
      return mapEdxEventToLearningEvent(parsed.event, options).event.eventId;
    });
    const again = lines.map((line) => {
      const parsed = parseEdxEventLine(line);
      assert.ok(parsed.ok);
      return mapEdxEventToLearningEvent(parsed.event, { ...options, receivedAt: 0 }).event.eventId;
    });
    assert.deepEqual(again, ids);
    assert.equal(new Set(ids).size, new Set(lines).size);
    const first = parseEdxEventLine(lines[0] ?? '');
    assert.ok(first.ok);
    const otherTenant = mapEdxEventToLearningEvent(first.event, {
      ...options,
      tenant: 'uni-south',
    });
    assert.notEqual(otherTenant.event.eventId, ids[0]);
  });

  it('keeps the original line as the payload', () => {
    const line = readLines('edx/tracking-sample.log')[0] ?? '';
    const parsed = parseEdxEventLine(line);
    assert.ok(parsed.ok);
    assert.equal(mapEdxEventToLearningEvent(parsed.event, options).event.payload, line);
  });

  it('sets occurredAt from the event and receivedAt from the caller', () => {
    const { event: mapped } = mapEdxEventToLearningEvent(
      event({ name: 'play_video', timestamp: '2020-07-15T06:52:55.057099', data: { id: 'v' } }),
      options,
    );
    assert.equal(mapped.occurredAt, Date.UTC(2020, 6, 15, 6, 52, 55, 57));
    assert.equal(mapped.receivedAt, options.receivedAt);
  });
});
