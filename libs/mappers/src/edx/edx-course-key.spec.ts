/** Course keys in both spellings, and in URLs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalCourseKey, courseKeyInPath } from './edx-course-key';

describe('edX course keys', () => {
  it('keeps course-v1 and ccx-v1 keys as they are', () => {
    assert.equal(
      canonicalCourseKey('course-v1:edX+DemoX+Demo_Course'),
      'course-v1:edX+DemoX+Demo_Course',
    );
    assert.equal(
      canonicalCourseKey('ccx-v1:edX+DemoX+Demo_Course+ccx@1'),
      'ccx-v1:edX+DemoX+Demo_Course+ccx@1',
    );
  });

  it('maps the old slash form to the same course-v1 key', () => {
    assert.equal(canonicalCourseKey('edX/DemoX/Demo_Course'), 'course-v1:edX+DemoX+Demo_Course');
  });

  it('refuses text that is no course key', () => {
    for (const value of [
      '',
      'DemoX',
      'a/b',
      'a/b/c/d',
      42,
      null,
      'block-v1:edX+DemoX+Demo+type@video+block@x',
    ]) {
      assert.equal(canonicalCourseKey(value), null, String(value));
    }
  });

  it('finds the course in URLs and paths, in either form', () => {
    assert.equal(
      courseKeyInPath('http://lms/courses/course-v1:edX+DemoX+Demo_Course/courseware/a/'),
      'course-v1:edX+DemoX+Demo_Course',
    );
    assert.equal(
      courseKeyInPath('/courses/edX/DemoX/Demo_Course/discussion/forum'),
      'course-v1:edX+DemoX+Demo_Course',
    );
    assert.equal(
      courseKeyInPath('/courses/course-v1:edX+DemoX+Demo_Course+type@vertical+block@x?view=1'),
      'course-v1:edX+DemoX+Demo_Course',
    );
    assert.equal(courseKeyInPath('/dashboard'), null);
    assert.equal(courseKeyInPath('/jsi18n/'), null);
  });
});
