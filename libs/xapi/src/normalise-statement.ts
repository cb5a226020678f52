/**
 * Turns an accepted statement into the one the LRS stores: it gets an id, the LRS-owned
 * `stored` and `authority`, a version, a timestamp, and context activities as arrays.
 */
import { randomUUID } from 'node:crypto';
import {
  type StoredXapiStatement,
  type XapiActor,
  type XapiContext,
  type XapiContextActivities,
  type XapiStatement,
} from './statement.types';
import { LRS_XAPI_VERSION } from './xapi-version';

export interface NormaliseOptions {
  /** Who vouches for the statement (the sending tenant, see `lrsAuthority`). */
  authority: XapiActor;
  /** When the LRS stored it, ISO 8601. */
  stored: string | Date;
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

/** Returns a new statement; the input is not modified. Expects a statement that passed validation. */
export function normaliseStatement(
  statement: XapiStatement,
  options: NormaliseOptions,
): StoredXapiStatement {
  const stored = typeof options.stored === 'string' ? options.stored : options.stored.toISOString();
  // Spread first so the LRS-owned stored and authority replace whatever the client sent.
  const normalised: StoredXapiStatement = {
    ...statement,
    id: statement.id ?? randomUUID(),
    timestamp: statement.timestamp ?? stored,
    stored,
    authority: options.authority,
    version: statement.version ?? LRS_XAPI_VERSION,
  };
  if (statement.context !== undefined) normalised.context = normaliseContext(statement.context);
  return normalised;
}
