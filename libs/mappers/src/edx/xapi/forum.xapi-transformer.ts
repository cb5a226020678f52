/**
 * Discussion forum events (threads, responses, comments) → xAPI discussion statements.
 */
import { type JsonObject } from '../edx-event.types';
import { textAt } from '../json-value';
import { type TransformInput, type XapiTransformer } from './edx-xapi.types';
import {
  assembleStatement,
  baseContext,
  extensions,
  verbOf,
  edxValue,
} from './xapi-statement-base';
import { ACTIVITY, EN, EXTENSION, VERBS, type XapiVerbTerm } from './xapi-vocabulary';

const FORUM_EVENT =
  /^edx\.forum\.(thread|response|comment)\.(created|edited|viewed|deleted|voted|reported|unreported)$/;

const VERB_BY_ACTION: Readonly<Record<string, XapiVerbTerm>> = {
  created: VERBS.posted,
  edited: VERBS.edited,
  viewed: VERBS.viewed,
  deleted: VERBS.deleted,
  voted: VERBS.voted,
  reported: VERBS.reported,
  unreported: VERBS.unreported,
};

export function isForumEvent(name: string): boolean {
  return FORUM_EVENT.test(name);
}

/** `<root><request path without the post id>/<post id>`, as Open edX builds it. */
function postIri(input: TransformInput, id: string, path: string): string {
  const trimmed = path.replace(/\/+$/, '').replaceAll(id, '').replace(/\/+$/, '');
  return `${input.rootUrl}${trimmed}/${id}`;
}

function modeExtension(input: TransformInput, kind: string, action: string): JsonObject {
  if (kind === 'thread' && action === 'created') {
    return extensions({ [EXTENSION.mode]: edxValue(input.event.data, 'thread_type') });
  }
  if (action === 'voted')
    return extensions({ [EXTENSION.mode]: edxValue(input.event.data, 'vote_value') });
  return {};
}

export const forumTransformer: XapiTransformer = (input) => {
  const { data, context, name } = input.event;
  const match = FORUM_EVENT.exec(name);
  const id = textAt(data, 'id');
  const path = textAt(context, 'path');
  const kind = match?.[1];
  const action = match?.[2];
  const verb = action !== undefined ? VERB_BY_ACTION[action] : undefined;
  if (
    kind === undefined ||
    action === undefined ||
    verb === undefined ||
    id === null ||
    path === null
  ) {
    return null;
  }
  const title = textAt(data, 'title');
  const statementContext = baseContext(input, modeExtension(input, kind, action));
  const threadId = textAt(data, 'discussion.id');
  if (threadId !== null && kind !== 'thread') {
    // A response or comment belongs to its thread.
    statementContext.contextActivities = {
      ...statementContext.contextActivities,
      grouping: [
        {
          id: `${input.rootUrl}/api/discussion/v1/threads/${threadId}`,
          objectType: 'Activity',
          definition: { type: ACTIVITY.discussion },
        },
      ],
    };
  }
  return assembleStatement(input, {
    verb: verbOf(verb),
    object: {
      id: postIri(input, id, path),
      objectType: 'Activity',
      definition: {
        type: ACTIVITY.discussion,
        ...(title !== null ? { name: { [EN]: title } } : {}),
      },
    },
    context: statementContext,
  });
};
