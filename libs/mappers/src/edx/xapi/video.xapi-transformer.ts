/**
 * Video events (legacy names and edx.video.*) → xAPI video-profile statements.
 */
import { blockTypeOf, makeBlockKey } from '../edx-block-key';
import { type JsonObject } from '../edx-event.types';
import { valueAt } from '../json-value';
import { type TransformInput, type XapiTransformer } from './edx-xapi.types';
import {
  assembleStatement,
  baseContext,
  contextCourseId,
  extensions,
  seconds3,
  verbOf,
} from './xapi-statement-base';
import { ACTIVITY, EXTENSION, VERBS, type XapiVerbTerm } from './xapi-vocabulary';

const VERB_BY_NAME: Readonly<Record<string, XapiVerbTerm>> = {
  load_video: VERBS.initialized,
  'edx.video.loaded': VERBS.initialized,
  play_video: VERBS.played,
  'edx.video.played': VERBS.played,
  stop_video: VERBS.terminated,
  'edx.video.stopped': VERBS.terminated,
  complete_video: VERBS.completed,
  'edx.video.completed': VERBS.completed,
  pause_video: VERBS.paused,
  'edx.video.paused': VERBS.paused,
  seek_video: VERBS.seeked,
  'edx.video.position.changed': VERBS.seeked,
  hide_transcript: VERBS.interacted,
  'edx.video.transcript.hidden': VERBS.interacted,
  show_transcript: VERBS.interacted,
  'edx.video.transcript.shown': VERBS.interacted,
  speed_change_video: VERBS.interacted,
  video_hide_cc_menu: VERBS.interacted,
  video_show_cc_menu: VERBS.interacted,
  'edx.video.closed_captions.hidden': VERBS.interacted,
  'edx.video.closed_captions.shown': VERBS.interacted,
};

const PLAYBACK = new Set([
  'play_video',
  'edx.video.played',
  'stop_video',
  'edx.video.stopped',
  'pause_video',
  'edx.video.paused',
]);
const CAPTIONS_SHOWN = new Set([
  'edx.video.closed_captions.shown',
  'edx.video.transcript.shown',
  'video_show_cc_menu',
  'show_transcript',
]);
const CAPTIONS = new Set([
  ...CAPTIONS_SHOWN,
  'hide_transcript',
  'edx.video.transcript.hidden',
  'video_hide_cc_menu',
  'edx.video.closed_captions.hidden',
]);
const SEEK = new Set(['seek_video', 'edx.video.position.changed']);
const COMPLETE = new Set(['complete_video', 'edx.video.completed']);

export const VIDEO_EVENT_NAMES: readonly string[] = Object.keys(VERB_BY_NAME);

/** current_time, else currentTime (mobile); like Open edX's `a or b`, a 0 falls through. */
function currentTime(data: JsonObject): number | null {
  const snake = valueAt(data, 'current_time');
  const falsy = snake === undefined || snake === null || snake === 0 || snake === '';
  return seconds3(falsy ? valueAt(data, 'currentTime') : snake);
}

/** ISO 8601 duration as Python's tincan writes a timedelta: PT03M15S, PT01H00M05.5S. */
export function tincanDuration(totalSeconds: number): string {
  let rest = totalSeconds;
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = Math.round((rest - minutes * 60) * 1e6) / 1e6;
  const two = (n: number): string => String(n).padStart(2, '0');
  let time = 'T';
  if (days > 0 || hours > 0) time += `${two(hours)}H`;
  if (days > 0 || hours > 0 || minutes > 0) time += `${two(minutes)}M`;
  const secText = Number.isInteger(secs)
    ? two(secs)
    : secs.toFixed(6).padStart(9, '0').replace(/0+$/, '');
  return `P${days > 0 ? `${days}D` : ''}${time}${secText}S`;
}

function result(input: TransformInput): JsonObject | undefined {
  const { name, data } = input.event;
  if (PLAYBACK.has(name))
    return { extensions: extensions({ [EXTENSION.videoTime]: currentTime(data) }) };
  if (CAPTIONS.has(name)) {
    return {
      extensions: extensions({
        [EXTENSION.videoTime]: currentTime(data),
        [EXTENSION.videoCcEnabled]: CAPTIONS_SHOWN.has(name),
      }),
    };
  }
  if (SEEK.has(name)) {
    return {
      extensions: extensions({
        [EXTENSION.videoTimeFrom]: seconds3(valueAt(data, 'old_time')),
        [EXTENSION.videoTimeTo]: seconds3(valueAt(data, 'new_time')),
      }),
    };
  }
  if (COMPLETE.has(name)) {
    const duration = seconds3(valueAt(data, 'duration'));
    const out: JsonObject = {
      extensions: extensions({ [EXTENSION.videoTime]: duration }),
      completion: true,
    };
    if (duration !== null) out.duration = tincanDuration(duration);
    return out;
  }
  if (name === 'speed_change_video') {
    const speed = (key: string): string | null => {
      const value = valueAt(data, key);
      return typeof value === 'string' || typeof value === 'number' ? `${value}x` : null;
    };
    return {
      extensions: extensions({
        [EXTENSION.speedFrom]: speed('old_speed'),
        [EXTENSION.speedTo]: speed('new_speed'),
      }),
    };
  }
  return undefined;
}

/**
 * The video's usage key: built from a course-v1 / ccx-v1 course and the video id; an old
 * (i4x) course's events carry the key itself; anything else has none.
 */
function videoUsageKey(courseId: string, videoId: string): string | null {
  if (courseId.includes(':')) return makeBlockKey(courseId, 'video', videoId);
  return blockTypeOf(videoId) !== null ? videoId : null;
}

export const videoTransformer: XapiTransformer = (input) => {
  const verb = VERB_BY_NAME[input.event.name];
  const courseId = contextCourseId(input);
  const videoId = valueAt(input.event.data, 'id');
  if (verb === undefined || courseId === null || typeof videoId !== 'string') return null;
  const usageKey = videoUsageKey(courseId, videoId);
  if (usageKey === null) return null;
  return assembleStatement(input, {
    verb: verbOf(verb),
    object: {
      id: `${input.rootUrl}/xblock/${usageKey}`,
      objectType: 'Activity',
      definition: { type: ACTIVITY.video },
    },
    result: result(input),
    context: baseContext(
      input,
      extensions({ [EXTENSION.videoLength]: seconds3(valueAt(input.event.data, 'duration')) }),
    ),
  });
};
