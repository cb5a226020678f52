/**
 * The course id from the path. Course ids are IRIs, so clients URL-encode them; Fastify has
 * decoded the path parameter once already, which is all the decoding there is to do (decoding
 * again would corrupt ids that contain a literal '%').
 */
import type { ParamError } from './activity-range';

export const MAX_COURSE_ID_LENGTH = 2048;

export type CourseIdResult = { ok: true; courseId: string } | { ok: false; errors: ParamError[] };

export function parseCourseId(value: string | undefined): CourseIdResult {
  const courseId = value ?? '';
  if (courseId.trim().length === 0) {
    return { ok: false, errors: [{ param: 'courseId', rule: 'must not be empty' }] };
  }
  if (courseId.length > MAX_COURSE_ID_LENGTH) {
    return {
      ok: false,
      errors: [{ param: 'courseId', rule: `must be at most ${MAX_COURSE_ID_LENGTH} characters` }],
    };
  }
  return { ok: true, courseId };
}
