/**
 * What an edX event acted on, as the LearningEvent's objectId / objectType: a block usage key
 * (problem, video, sequential, ...), a forum post, a link, an exam, a page or the course.
 */
import {
  blockIdFromReferrer,
  blockTypeOf,
  makeBlockKey,
  problemKeyFromAnswers,
} from './edx-block-key';
import { type EdxEvent } from './edx-event.types';
import { textAt } from './json-value';

export interface EdxObject {
  readonly objectId: string;
  readonly objectType: string;
}

const VIDEO_NAMES =
  /^(load|play|pause|stop|complete|seek|speed_change)_video$|^(show|hide)_transcript$|^video_|^edx\.video\./;
const FORUM_NAME = /^edx\.forum\.(thread|response|comment)\./;
const BLOCK_FIELDS = [
  'problem_id',
  'module_id',
  'block_id',
  'usage_key',
  'exam_content_id',
] as const;

function block(key: string, fallbackType: string): EdxObject {
  return { objectId: key, objectType: blockTypeOf(key) ?? fallbackType };
}

function videoObject(event: EdxEvent): EdxObject | null {
  const id = textAt(event.data, 'id') ?? textAt(event.data, 'video_id');
  if (id === null) return null;
  if (blockTypeOf(id) !== null || event.rawCourseId === null || !event.rawCourseId.includes(':')) {
    return { objectId: id, objectType: 'video' };
  }
  return { objectId: makeBlockKey(event.rawCourseId, 'video', id), objectType: 'video' };
}

// Old (i4x) courses name the problem in the answer inputs: input_i4x-Org-Course-problem-<id>_2_1.
const I4X_INPUT = /input_(i4x-[^-]+-[^-]+-problem-[^_=&"]+)_\d+_\d+/;

function browserProblemObject(event: EdxEvent): EdxObject | null {
  const i4x = event.dataText !== null ? I4X_INPUT.exec(event.dataText)?.[1] : undefined;
  if (i4x !== undefined) return { objectId: i4x, objectType: 'problem' };
  const referrer = textAt(event.raw, 'referer') ?? textAt(event.context, 'referer');
  const key =
    blockIdFromReferrer(referrer) ?? problemKeyFromAnswers(event.dataText, event.rawCourseId);
  return key === null ? null : block(key, 'problem');
}

function pageObject(event: EdxEvent): EdxObject | null {
  if (event.name.startsWith('/')) return { objectId: event.name, objectType: 'page' };
  const page = textAt(event.raw, 'page') ?? textAt(event.context, 'page');
  return page !== null && page !== 'x_module' ? { objectId: page, objectType: 'page' } : null;
}

function nameSpecificObject(event: EdxEvent): EdxObject | null {
  if (VIDEO_NAMES.test(event.name)) return videoObject(event);
  const forum = FORUM_NAME.exec(event.name);
  if (forum !== null) {
    const id = textAt(event.data, 'id');
    return id === null ? null : { objectId: id, objectType: forum[1] ?? 'thread' };
  }
  if (
    (event.name === 'problem_check' && event.eventSource === 'browser') ||
    event.name === 'problem_graded'
  ) {
    return browserProblemObject(event);
  }
  if (event.name.startsWith('edx.ui.lms.')) {
    const target = textAt(event.data, 'target_url');
    if (target !== null) return { objectId: target, objectType: 'link' };
    const sequence = textAt(event.data, 'id');
    if (sequence !== null) return block(sequence, 'sequential');
  }
  if (event.name.startsWith('edx.special_exam.')) {
    const exam = textAt(event.data, 'exam_content_id');
    if (exam !== null) return block(exam, 'exam');
  }
  return null;
}

const COURSE_LEVEL = /^edx\.(course|grades\.course)\./;

export function edxObject(event: EdxEvent): EdxObject {
  // Enrolments and course grades are about the course, whatever block the request came from.
  if (COURSE_LEVEL.test(event.name) && event.courseKey !== null) {
    return { objectId: event.courseKey, objectType: 'course' };
  }
  const specific = nameSpecificObject(event);
  if (specific !== null) return specific;
  for (const field of BLOCK_FIELDS) {
    const key = textAt(event.data, field);
    if (key !== null) return block(key, 'block');
  }
  const module = textAt(event.context, 'module.usage_key');
  if (module !== null) return block(module, 'block');
  return (
    pageObject(event) ??
    (event.courseKey !== null
      ? { objectId: event.courseKey, objectType: 'course' }
      : { objectId: event.name, objectType: 'event' })
  );
}
