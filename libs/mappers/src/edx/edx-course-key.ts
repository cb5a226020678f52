/**
 * Open edX course keys in their two spellings: `course-v1:Org+Course+Run` (split modulestore,
 * also `ccx-v1:…`) and the old `Org/Course/Run`. Both are reduced to one canonical key so the
 * same course counts once, whichever form a log line uses.
 */

const MODERN_KEY = /^(course-v1|ccx-v1):[^/\s+]+\+[^/\s+]+\+[^/\s?#]+$/;
const SLASH_KEY = /^([^/\s:+]+)\/([^/\s:+]+)\/([^/\s:+?#]+)$/;
// A modern key inside a URL or path: /courses/course-v1:edX+DemoX+Demo/courseware/...
const MODERN_IN_PATH =
  /(?:^|\/)((?:course-v1|ccx-v1):[^/\s+?#]+\+[^/\s+?#]+\+[^/\s?#]+?)(?=\/|\?|#|$|\+type@)/;
// The old form only ever appears in URLs after /courses/.
const SLASH_IN_PATH = /\/courses\/([^/\s:+?#]+)\/([^/\s:+?#]+)\/([^/\s:+?#]+)(?=\/|\?|#|$)/;

/**
 * The canonical key: modern keys unchanged, `Org/Course/Run` → `course-v1:Org+Course+Run`
 * (the key the course gets when migrated to the split modulestore); null for anything else.
 */
export function canonicalCourseKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (MODERN_KEY.test(text)) return text;
  const slash = SLASH_KEY.exec(text);
  if (slash !== null) return `course-v1:${slash[1]}+${slash[2]}+${slash[3]}`;
  return null;
}

/** The course key named in a URL or path (`/courses/<key>/...`), canonical, or null. */
export function courseKeyInPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // A malformed escape: search the text as it is.
  }
  const modern = MODERN_IN_PATH.exec(text);
  if (modern?.[1] !== undefined) return modern[1];
  const slash = SLASH_IN_PATH.exec(text);
  if (slash !== null) return `course-v1:${slash[1]}+${slash[2]}+${slash[3]}`;
  return null;
}
