/**
 * Turns an accepted statement into the one the LRS stores: it gets an id, the LRS-owned `stored`
 * and `authority`, a version, a timestamp, and context activities as arrays (in a SubStatement
 * too), as xAPI asks of an LRS (Data 2.4.1, 2.4.6.2, 2.4.7-2.4.10).
 */
import { randomUUID } from 'node:crypto';
import { type XapiSpecVersion } from './rules/validation-report';
import {
  type StoredXapiStatement,
  type XapiActor,
  type XapiContext,
  type XapiContextActivities,
  type XapiStatement,
} from './statement.types';

export interface NormaliseOptions {
  /** Who vouches for the statement (the sending tenant, see `lrsAuthority`). */
  authority: XapiActor;
  /** When the LRS stored it, ISO 8601. */
  stored: string | Date;
  /**
   * The xAPI version in use ('2.0.0' by default). A statement without `version` gets '2.0.0'
   * under 2.0 and '1.0.0' under 1.0.x (Data 2.4.10); a given version is kept as sent.
   */
  version?: XapiSpecVersion;
}

function contextActivitiesAsArrays(activities: XapiContextActivities): XapiContextActivities {
  const normalised: XapiContextActivities = {};
  for (const [kind, value] of Object.entries(activities) as [
    keyof XapiContextActivities,
    XapiContextActivities[keyof XapiContextActivities],
  ][]) {
    if (value !== undefined) normalised[kind] = Array.isArray(value) ? value : [value];
  }
  return normalised;
}

function normaliseContext(context: XapiContext): XapiContext {
  if (context.contextActivities === undefined) return context;
  return { ...context, contextActivities: contextActivitiesAsArrays(context.contextActivities) };
}

/** Context activities of a SubStatement object are arrays too. */
function normaliseObject(object: XapiStatement['object']): XapiStatement['object'] {
  if (object.objectType !== 'SubStatement') return object;
  const context = object.context as XapiContext | undefined;
  if (context === undefined) return object;
  return { ...object, context: normaliseContext(context) };
}

/** Returns a new statement; the input is not modified. Expects a statement that passed validation. */
export function normaliseStatement(
  statement: XapiStatement,
  options: NormaliseOptions,
): StoredXapiStatement {
  const stored = typeof options.stored === 'string' ? options.stored : options.stored.toISOString();
  const defaultVersion = options.version === '1.0.3' ? '1.0.0' : '2.0.0';
  // Spread first so the LRS-owned stored and authority replace whatever the client sent.
  const normalised: StoredXapiStatement = {
    ...statement,
    id: statement.id ?? randomUUID(),
    timestamp: statement.timestamp ?? stored,
    stored,
    authority: options.authority,
    version: statement.version ?? defaultVersion,
  };
  if (statement.context !== undefined) normalised.context = normaliseContext(statement.context);
  if (statement.object.objectType === 'SubStatement') {
    normalised.object = normaliseObject(statement.object);
  }
  return normalised;
}
