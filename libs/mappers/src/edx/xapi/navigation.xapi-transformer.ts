/**
 * Courseware navigation (sequence tabs, outline, links) → "navigated" statements.
 */
import { type JsonValue } from '../edx-event.types';
import { textAt } from '../json-value';
import { type XapiTransformer } from './edx-xapi.types';
import { edxValue } from './xapi-statement-base';
import {
  assembleStatement,
  baseContext,
  extensions,
  objectIri,
  verbOf,
} from './xapi-statement-base';
import { ACTIVITY, EN, EXTENSION, VERBS } from './xapi-vocabulary';

export const linkClickedTransformer: XapiTransformer = (input) => {
  const target = textAt(input.event.data, 'target_url');
  if (target === null) return null;
  return assembleStatement(input, {
    verb: verbOf(VERBS.navigated),
    object: { id: target, objectType: 'Activity', definition: { type: ACTIVITY.link } },
    context: baseContext(input),
  });
};

export const outlineSelectedTransformer: XapiTransformer = (input) => {
  const target = textAt(input.event.data, 'target_url');
  if (target === null) return null;
  const name = textAt(input.event.data, 'target_name');
  return assembleStatement(input, {
    verb: verbOf(VERBS.navigated),
    object: {
      id: target,
      objectType: 'Activity',
      definition: { type: ACTIVITY.module, ...(name !== null ? { name: { [EN]: name } } : {}) },
    },
    context: baseContext(input),
  });
};

/** Where a sequence move ends: the chosen tab, or the next / previous unit. */
function endingPoint(name: string, targetTab: JsonValue | undefined): JsonValue | undefined {
  if (name === 'edx.ui.lms.sequence.tab_selected') return targetTab;
  return name === 'edx.ui.lms.sequence.next_selected' ? 'next unit' : 'previous unit';
}

export const sequenceNavigationTransformer: XapiTransformer = (input) => {
  const { data, name } = input.event;
  const sequence = textAt(data, 'id');
  if (sequence === null) return null;
  return assembleStatement(input, {
    verb: verbOf(VERBS.navigated),
    object: {
      id: objectIri(input, 'xblock', sequence),
      objectType: 'Activity',
      definition: {
        type: ACTIVITY.resource,
        extensions: extensions({ [EXTENSION.totalItems]: edxValue(data, 'tab_count') }),
      },
    },
    context: baseContext(
      input,
      extensions({
        [EXTENSION.startingPosition]: edxValue(data, 'current_tab'),
        [EXTENSION.endingPoint]: endingPoint(name, edxValue(data, 'target_tab')),
      }),
    ),
  });
};
