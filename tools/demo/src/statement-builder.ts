/**
 * Turns one simulated learner action into an xAPI 2.0 statement: actor, verb, object,
 * result, and the course (grouping) and module (parent) context every statement carries.
 */
import {
  DEMO_PLATFORM,
  VERBS,
  VERB_DISPLAY,
  type DemoActivity,
  type DemoVerb,
} from './demo-catalogue';
import type { DemoLearner } from './demo-cohort';
import type {
  DemoStatement,
  DemoStatementActivity,
  DemoStatementResult,
} from './demo-statement.types';

export interface StatementParts {
  id: string;
  learner: DemoLearner;
  verb: DemoVerb;
  object: DemoActivity;
  course: DemoActivity;
  module: DemoActivity;
  registration: string;
  timestamp: number;
  result?: DemoStatementResult;
  objectExtensions?: Record<string, unknown>;
  contextExtensions?: Record<string, unknown>;
  interactionType?: 'choice';
}

function toActivity(activity: DemoActivity): DemoStatementActivity {
  return {
    objectType: 'Activity',
    id: activity.id,
    definition: { type: activity.type, name: { 'en-US': activity.name } },
  };
}

/** ISO 8601 duration of whole seconds, e.g. PT7M30S. */
export function isoDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${rest > 0 || whole === 0 ? `${rest}S` : ''}`;
}

export function buildStatement(parts: StatementParts): DemoStatement {
  const object = toActivity(parts.object);
  if (parts.interactionType !== undefined)
    object.definition.interactionType = parts.interactionType;
  if (parts.objectExtensions !== undefined) object.definition.extensions = parts.objectExtensions;
  const statement: DemoStatement = {
    id: parts.id,
    actor: {
      objectType: 'Agent',
      name: parts.learner.name,
      account: { homePage: parts.learner.homePage, name: parts.learner.account },
    },
    verb: { id: VERBS[parts.verb], display: { 'en-US': VERB_DISPLAY[parts.verb] } },
    object,
    ...(parts.result !== undefined ? { result: parts.result } : {}),
    context: {
      registration: parts.registration,
      platform: DEMO_PLATFORM,
      language: 'en-US',
      contextActivities: {
        parent: [toActivity(parts.module)],
        grouping: [toActivity(parts.course)],
      },
    },
    timestamp: new Date(parts.timestamp).toISOString(),
  };
  if (parts.contextExtensions !== undefined) statement.context.extensions = parts.contextExtensions;
  return statement;
}
