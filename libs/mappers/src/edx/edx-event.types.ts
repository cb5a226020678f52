/**
 * The normalised shape of one Open edX tracking-log event, whichever of the two shapes it was
 * written in (classic tracking log or eventtracking "processed" event).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface EdxEvent {
  /** `name`, else `event_type` (a URL path for implicit page-view events). */
  readonly name: string;
  /** `event_type` when it differs from `name` (e.g. old special-exam names), else the name. */
  readonly eventType: string;
  readonly shape: 'processed' | 'tracking-log';
  /**
   * `data` / `event` as an object. A JSON-string `event` is parsed; a string that is not a JSON
   * object (browser problem_check sends a query string) is kept in `dataText` and data is {}.
   */
  readonly data: JsonObject;
  readonly dataText: string | null;
  readonly context: JsonObject;
  /** The timestamp as sent (`timestamp`, else `time`). */
  readonly timestampText: string;
  /** Epoch milliseconds; a timestamp without a zone is read as UTC. */
  readonly occurredAt: number;
  /** `server`, `browser`, `mobile`, ... when the event says. */
  readonly eventSource: string | null;
  /** The LMS user id (context.user_id, else data.user_id), as text; null when none. */
  readonly userId: string | null;
  /** The username (top level, context, data); '' and 'anonymous' count as none. */
  readonly username: string | null;
  /** True when the event names no user at all (a logged-out visitor). */
  readonly anonymous: boolean;
  readonly sessionId: string | null;
  /** Canonical course key (see edx-course-key.ts), or null when the event has none. */
  readonly courseKey: string | null;
  /** The course id exactly as the event gave it (context first), for IRIs that must match. */
  readonly rawCourseId: string | null;
  /** The original event, as parsed. */
  readonly raw: JsonObject;
  /** The original line, when parsed from text (kept verbatim as the audit payload). */
  readonly sourceText: string | null;
}

/** Why an input is not an edX event: `path` names the field, `rule` what is wrong with it. */
export interface EdxParseError {
  readonly path: string;
  readonly rule: string;
}

export type EdxParseResult =
  | { readonly ok: true; readonly event: EdxEvent }
  | { readonly ok: false; readonly errors: readonly EdxParseError[] };
