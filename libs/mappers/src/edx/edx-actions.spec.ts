/** The action table: exact names, families, implicit page views, unknown names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionForEdxEvent } from './edx-actions';

describe('actionForEdxEvent', () => {
  it('maps exact names', () => {
    assert.deepEqual(actionForEdxEvent('play_video'), { action: 'played_video', known: true });
    assert.deepEqual(actionForEdxEvent('edx.course.enrollment.deactivated'), {
      action: 'unenrolled',
      known: true,
    });
  });

  it('maps names by family when no exact rule exists', () => {
    assert.deepEqual(actionForEdxEvent('edx.forum.response.edited'), {
      action: 'posted',
      known: true,
    });
    assert.deepEqual(actionForEdxEvent('edx.forum.comment.unreported'), {
      action: 'other',
      known: true,
    });
    assert.deepEqual(actionForEdxEvent('edx.special_exam.onboarding.attempt.created'), {
      action: 'attempted',
      known: true,
    });
    assert.deepEqual(actionForEdxEvent('edx.special_exam.practice.attempt.submitted'), {
      action: 'submitted',
      known: true,
    });
    assert.deepEqual(actionForEdxEvent('textbook.pdf.page.navigated'), {
      action: 'viewed',
      known: true,
    });
    assert.deepEqual(actionForEdxEvent('edx.video.bumper.loaded'), {
      action: 'other',
      known: true,
    });
  });

  it('reads URL-path event types as page views, login paths as logins', () => {
    assert.deepEqual(actionForEdxEvent('/courses/edX/DemoX/Demo_Course/info'), {
      action: 'viewed',
      known: true,
    });
    assert.deepEqual(actionForEdxEvent('/login_ajax'), { action: 'logged_in', known: true });
  });

  it('says when it does not know a name', () => {
    assert.deepEqual(actionForEdxEvent('edx.brand.new.event'), { action: 'other', known: false });
  });
});
