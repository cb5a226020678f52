import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_COURSE_ID_LENGTH, parseCourseId } from './course-id';

describe('parseCourseId', () => {
  it('keeps an already-decoded IRI as it is, literal percent signs included', () => {
    assert.deepEqual(parseCourseId('https://lms.example.edu/course/DATA101'), {
      ok: true,
      courseId: 'https://lms.example.edu/course/DATA101',
    });
    assert.deepEqual(parseCourseId('course 100%25'), { ok: true, courseId: 'course 100%25' });
  });

  it('rejects an empty or over-long id, naming courseId', () => {
    assert.deepEqual(parseCourseId(' '), {
      ok: false,
      errors: [{ param: 'courseId', rule: 'must not be empty' }],
    });
    const long = parseCourseId('x'.repeat(MAX_COURSE_ID_LENGTH + 1));
    if (long.ok) assert.fail('an over-long id was accepted');
    assert.equal(long.errors[0]?.param, 'courseId');
  });
});
