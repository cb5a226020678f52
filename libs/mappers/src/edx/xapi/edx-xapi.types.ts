/**
 * The xAPI 1.0.3 statements the edX → xAPI mapper writes, and what it needs to write them.
 */
import { type EdxEvent, type JsonObject } from '../edx-event.types';
import { type LearnerIdentifierProvider } from '../learner-identifier';

export interface XapiAccountActor {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

export interface XapiVerbJson {
  id: string;
  display: Record<string, string>;
}

export interface XapiActivityJson {
  /** Absent only where the event named no object (as event-routing-backends does). */
  id?: string;
  /** Open edX marks a multi-question problem `GroupActivity`. */
  objectType: 'Activity' | 'GroupActivity';
  definition?: JsonObject;
}

export interface XapiContextJson {
  registration?: string;
  contextActivities?: {
    parent?: XapiActivityJson[];
    grouping?: XapiActivityJson[];
  };
  statement?: { objectType: 'StatementRef'; id: string };
  extensions: JsonObject;
}

export interface EdxXapiStatement {
  id: string;
  actor: XapiAccountActor;
  verb: XapiVerbJson;
  object: XapiActivityJson;
  result?: JsonObject;
  context: XapiContextJson;
  timestamp: string;
  version: string;
}

/** Course and block display names (edX events rarely carry them); undefined when unknown. */
export interface CourseMetadataLookup {
  courseName(courseKey: string): string | undefined;
  blockName(usageKey: string): string | undefined;
}

export interface EdxXapiOptions {
  readonly learnerIds: LearnerIdentifierProvider;
  readonly courses: CourseMetadataLookup;
  /**
   * The LMS root URL for IRIs and the actor's homePage. Default: from the event
   * (`http(s)://<context.host>`), else `https://lms.invalid`.
   */
  readonly lmsRootUrl?: string;
  /** The transformer-version context extension; default `learnpulse-mappers@0.1.0`. */
  readonly transformerVersion?: string;
}

/** What every transformer gets: the event and the resolved statement-wide values. */
export interface TransformInput {
  readonly event: EdxEvent;
  readonly rootUrl: string;
  readonly actor: XapiAccountActor;
  readonly courses: CourseMetadataLookup;
  readonly transformerVersion: string;
}

/** The family-specific part of a statement; the base adds id, actor, timestamp, version. */
export interface StatementParts {
  verb: XapiVerbJson;
  object: XapiActivityJson;
  result?: JsonObject;
  context: XapiContextJson;
}

/** One event family's transformer: statement(s), or null when the event lacks what it needs. */
export type XapiTransformer = (
  input: TransformInput,
) => EdxXapiStatement | EdxXapiStatement[] | null;
