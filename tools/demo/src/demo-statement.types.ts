/** The subset of the xAPI 2.0 statement shape the demo produces. */

export interface LanguageMap {
  [language: string]: string;
}

export interface DemoStatementActivity {
  objectType: 'Activity';
  id: string;
  definition: {
    type: string;
    name: LanguageMap;
    interactionType?: 'choice';
    extensions?: Record<string, unknown>;
  };
}

export interface DemoStatementResult {
  score?: { raw: number; min: number; max: number; scaled: number };
  success?: boolean;
  completion?: boolean;
  duration?: string;
  response?: string;
  extensions?: Record<string, unknown>;
}

export interface DemoStatement {
  id: string;
  actor: {
    objectType: 'Agent';
    name: string;
    account: { homePage: string; name: string };
  };
  verb: { id: string; display: LanguageMap };
  object: DemoStatementActivity;
  result?: DemoStatementResult;
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities: {
      parent: DemoStatementActivity[];
      grouping: DemoStatementActivity[];
    };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}
