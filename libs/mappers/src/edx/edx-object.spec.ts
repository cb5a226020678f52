/** What an edX event acted on, per kind of event. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEdxEvent } from './edx-event';
import { edxObject } from './edx-object';

function objectOf(input: Record<string, unknown>): unknown {
  const result = parseEdxEvent({ timestamp: '2024-01-01T00:00:00Z', ...input });
  assert.ok(result.ok);
  return edxObject(result.event);
}

const course = 'course-v1:edX+DemoX+Demo_Course';

describe('edxObject', () => {
  it('builds the video usage key from the video id and the course (ccx too)', () => {
    assert.deepEqual(
      objectOf({ name: 'pause_video', data: { id: 'v1' }, context: { course_id: course } }),
      {
        objectId: 'block-v1:edX+DemoX+Demo_Course+type@video+block@v1',
        objectType: 'video',
      },
    );
    assert.deepEqual(
      objectOf({
        name: 'pause_video',
        data: { id: 'v1' },
        context: { course_id: 'ccx-v1:edX+DemoX+Demo_Course+ccx@1' },
      }),
      {
        objectId: 'ccx-block-v1:edX+DemoX+Demo_Course+ccx@1+type@video+block@v1',
        objectType: 'video',
      },
    );
  });

  it('finds the problem of a browser check in the referrer, else in the answers', () => {
    const referer =
      'http://lms/courses/x/courseware/a/b/?activate_block_id=block-v1%3AedX%2BDemoX%2BDemo_Course%2Btype%40problem%2Bblock%40p1';
    assert.deepEqual(
      objectOf({
        name: 'problem_check',
        context: { event_source: 'browser', referer, course_id: course },
        data: 'input_p9_2_1=a',
      }),
      {
        objectId: 'block-v1:edX+DemoX+Demo_Course+type@problem+block@p1',
        objectType: 'problem',
      },
    );
    assert.deepEqual(
      objectOf({
        name: 'problem_check',
        context: { event_source: 'browser', course_id: course },
        data: 'input_p9_2_1=a',
      }),
      {
        objectId: 'block-v1:edX+DemoX+Demo_Course+type@problem+block@p9',
        objectType: 'problem',
      },
    );
  });

  it('names forum posts, links, graded blocks, courses and pages', () => {
    assert.deepEqual(objectOf({ name: 'edx.forum.comment.created', data: { id: 'c1' } }), {
      objectId: 'c1',
      objectType: 'comment',
    });
    assert.deepEqual(
      objectOf({ name: 'edx.ui.lms.link_clicked', data: { target_url: 'http://x/y' } }),
      { objectId: 'http://x/y', objectType: 'link' },
    );
    assert.deepEqual(
      objectOf({
        name: 'edx.grades.subsection.grade_calculated',
        data: { block_id: 'block-v1:A+B+C+type@sequential+block@s' },
      }),
      {
        objectId: 'block-v1:A+B+C+type@sequential+block@s',
        objectType: 'sequential',
      },
    );
    assert.deepEqual(
      objectOf({
        name: 'edx.course.grade.now_passed',
        context: {
          course_id: course,
          module: { usage_key: 'block-v1:A+B+C+type@problem+block@p' },
        },
      }),
      {
        objectId: course,
        objectType: 'course',
      },
    );
    assert.deepEqual(objectOf({ event_type: '/dashboard', time: '2024-01-01T00:00:00Z' }), {
      objectId: '/dashboard',
      objectType: 'page',
    });
    assert.deepEqual(objectOf({ name: 'mystery' }), { objectId: 'mystery', objectType: 'event' });
  });
});
