/**
 * The xAPI statement as this codebase sees it: loose TypeScript shapes for reading a statement
 * that `validateStatementShape` has accepted. They describe the parts we use, not the whole spec.
 */

/** One problem found in a statement: where (`statements[3].verb.id`) and which rule it breaks. */
export interface XapiValidationError {
  path: string;
  rule: string;
}

export type LanguageMap = Record<string, string>;
export type Extensions = Record<string, unknown>;

export interface XapiAccount {
  homePage: string;
  name: string;
}

/** Inverse functional identifiers: exactly one of them identifies an Agent (or identified Group). */
export interface XapiIdentifiers {
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XapiAccount;
}

export interface XapiAgent extends XapiIdentifiers {
  objectType?: 'Agent';
  name?: string;
}

export interface XapiGroup extends XapiIdentifiers {
  objectType: 'Group';
  name?: string;
  member?: XapiAgent[];
}

export type XapiActor = XapiAgent | XapiGroup;

export interface XapiVerb {
  id: string;
  display?: LanguageMap;
}

export interface XapiActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  moreInfo?: string;
  extensions?: Extensions;
  [property: string]: unknown;
}

export interface XapiActivity {
  objectType?: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}

export interface XapiStatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface XapiSubStatement {
  objectType: 'SubStatement';
  actor: XapiActor;
  verb: XapiVerb;
  object: XapiActivity | XapiAgent | XapiGroup | XapiStatementRef;
  [property: string]: unknown;
}

export type XapiObject = XapiActivity | XapiAgent | XapiGroup | XapiStatementRef | XapiSubStatement;

export interface XapiScore {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Extensions;
}

export type XapiContextActivityList = XapiActivity | XapiActivity[];

export interface XapiContextActivities {
  parent?: XapiContextActivityList;
  grouping?: XapiContextActivityList;
  category?: XapiContextActivityList;
  other?: XapiContextActivityList;
}

export interface XapiContext {
  registration?: string;
  instructor?: XapiActor;
  team?: XapiGroup;
  contextActivities?: XapiContextActivities;
  revision?: string;
  platform?: string;
  language?: string;
  statement?: XapiStatementRef;
  extensions?: Extensions;
  /** xAPI 2.0 only. */
  contextAgents?: XapiContextAgent[];
  /** xAPI 2.0 only. */
  contextGroups?: XapiContextGroup[];
  [property: string]: unknown;
}

export interface XapiContextAgent {
  objectType: 'contextAgent';
  agent: XapiAgent;
  relevantTypes?: string[];
}

export interface XapiContextGroup {
  objectType: 'contextGroup';
  group: XapiGroup;
  relevantTypes?: string[];
}

export interface XapiAttachment {
  usageType: string;
  display: LanguageMap;
  description?: LanguageMap;
  contentType: string;
  length: number;
  sha2: string;
  fileUrl?: string;
}

export interface XapiStatement {
  id?: string;
  actor: XapiActor;
  verb: XapiVerb;
  object: XapiObject;
  result?: XapiResult;
  context?: XapiContext;
  timestamp?: string;
  stored?: string;
  authority?: XapiActor;
  version?: string;
  attachments?: unknown[];
  [property: string]: unknown;
}

/** A statement after `normaliseStatement`: the LRS-owned properties are always set. */
export type StoredXapiStatement = XapiStatement & {
  id: string;
  stored: string;
  timestamp: string;
  authority: XapiActor;
  version: string;
};
