/**
 * Maps a parsed Open edX event to the xAPI 1.0.3 statement(s) Open edX's own
 * event-routing-backends would send for it (same verbs, objects, context and statement ids),
 * or null when there is no transformer for the event or it lacks what the transformer needs.
 */
import { type EdxEvent } from './edx-event.types';
import { textAt } from './json-value';
import {
  type CourseMetadataLookup,
  type EdxXapiOptions,
  type EdxXapiStatement,
} from './xapi/edx-xapi.types';
import { xapiTransformerFor } from './xapi/xapi-transformer-registry';

const DEFAULT_TRANSFORMER_VERSION = 'learnpulse-mappers@0.1.0';
const UNKNOWN_LMS = 'https://lms.invalid';

/** The LMS the event came from: `context.host` with the scheme of its page URLs. */
function rootUrlFromEvent(event: EdxEvent): string {
  const host = textAt(event.context, 'host') ?? textAt(event.raw, 'host');
  if (host === null) return UNKNOWN_LMS;
  const page =
    textAt(event.context, 'page') ??
    textAt(event.raw, 'referer') ??
    textAt(event.context, 'referer');
  const scheme = page?.startsWith(`http://${host}`) === true ? 'http' : 'https';
  return `${scheme}://${host}`;
}

/** A lookup that knows no names: every course and block is named by its id. */
export const NO_COURSE_METADATA: CourseMetadataLookup = {
  courseName: () => undefined,
  blockName: () => undefined,
};

export function mapEdxEventToXapi(
  event: EdxEvent,
  options: EdxXapiOptions,
): EdxXapiStatement | EdxXapiStatement[] | null {
  const transformer = xapiTransformerFor(event.name);
  if (transformer === null) return null;
  const rootUrl = (options.lmsRootUrl ?? rootUrlFromEvent(event)).replace(/\/+$/, '');
  return transformer({
    event,
    rootUrl,
    actor: { objectType: 'Agent', account: { homePage: rootUrl, name: options.learnerIds(event) } },
    courses: options.courses,
    transformerVersion: options.transformerVersion ?? DEFAULT_TRANSFORMER_VERSION,
  });
}
