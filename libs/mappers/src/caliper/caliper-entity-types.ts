/**
 * The Caliper entity classes: each type's parents and the properties it adds, with their value
 * kinds, from the Caliper 1.2 information model (and the Caliper 1.1 entities it kept or dropped).
 * A rule table, read by `rules/entity-rules.ts`; subtypes inherit their parents' properties.
 */
import { type CaliperVersion } from './caliper-version';

/**
 * The kind of a property value, written compactly:
 * `string`, `integer`, `decimal`, `boolean`, `datetime`, `duration`, `iri`, `map` (a JSON object),
 * `enum:<list>`, or an entity type name (the value is that type or a subtype, as an object or an
 * IRI string); a trailing `[]` means an array of such values.
 */
export type PropertyKind = string;

export interface EntityClass {
  readonly parents: readonly string[];
  readonly properties: Readonly<Record<string, PropertyKind>>;
  /** Properties the spec marks as required (cardinality 1). */
  readonly required?: readonly string[];
  /**
   * A structured value, not an Entity: it has no `id` and no `@context` of its own
   * (TextPositionSelector, SystemIdentifier).
   */
  readonly structured?: true;
  /** Only under this version (1.1 deprecated types the 1.2 context no longer defines). */
  readonly only?: CaliperVersion;
}

const DATE_RANGE = { startedAtTime: 'datetime', endedAtTime: 'datetime', duration: 'duration' };

export const ENTITY_CLASSES: Readonly<Record<string, EntityClass>> = {
  Entity: {
    parents: [],
    properties: {
      name: 'string',
      description: 'string',
      dateCreated: 'datetime',
      dateModified: 'datetime',
      otherIdentifiers: 'SystemIdentifier[]',
      extensions: 'map',
    },
  },
  Agent: { parents: ['Entity'], properties: {} },
  Person: { parents: ['Agent'], properties: {} },
  SoftwareApplication: {
    parents: ['Agent'],
    properties: { host: 'string', ipAddress: 'string', userAgent: 'string', version: 'string' },
  },
  Organization: {
    parents: ['Agent'],
    properties: { members: 'Agent[]', subOrganizationOf: 'Organization' },
  },
  CourseOffering: {
    parents: ['Organization'],
    properties: { courseNumber: 'string', academicSession: 'string' },
  },
  CourseSection: { parents: ['CourseOffering'], properties: { category: 'string' } },
  Group: { parents: ['Organization'], properties: {} },
  Membership: {
    parents: ['Entity'],
    properties: {
      organization: 'Organization',
      member: 'Person',
      roles: 'enum:roles[]',
      status: 'enum:status',
    },
  },
  LearningObjective: { parents: ['Entity'], properties: {} },
  Collection: { parents: ['Entity'], properties: { items: 'Entity[]' } },
  DigitalResource: {
    parents: ['Entity'],
    properties: {
      storageName: 'string',
      mediaType: 'string',
      version: 'string',
      creators: 'Agent[]',
      keywords: 'string[]',
      learningObjectives: 'LearningObjective[]',
      isPartOf: 'Entity',
      datePublished: 'datetime',
    },
  },
  DigitalResourceCollection: {
    parents: ['DigitalResource', 'Collection'],
    properties: { items: 'DigitalResource[]' },
  },
  AssignableDigitalResource: {
    parents: ['DigitalResource'],
    properties: {
      dateToActivate: 'datetime',
      dateToShow: 'datetime',
      dateToStartOn: 'datetime',
      dateToSubmit: 'datetime',
      maxAttempts: 'integer',
      maxSubmits: 'integer',
      maxScore: 'decimal',
    },
  },
  Assessment: {
    parents: ['AssignableDigitalResource', 'DigitalResourceCollection'],
    properties: { items: 'AssessmentItem[]' },
  },
  AssessmentItem: {
    parents: ['AssignableDigitalResource'],
    properties: { isTimeDependent: 'boolean' },
  },
  Attempt: {
    parents: ['Entity'],
    properties: {
      assignee: 'Person',
      assignable: 'DigitalResource',
      isPartOf: 'Attempt',
      count: 'integer',
      ...DATE_RANGE,
    },
  },
  Response: { parents: ['Entity'], properties: { attempt: 'Attempt', ...DATE_RANGE } },
  DateTimeResponse: { parents: ['Response'], properties: { dateTimeSelected: 'datetime' } },
  FillinBlankResponse: { parents: ['Response'], properties: { values: 'string[]' } },
  MultipleChoiceResponse: { parents: ['Response'], properties: { value: 'string' } },
  MultipleResponseResponse: { parents: ['Response'], properties: { values: 'string[]' } },
  MultiselectResponse: { parents: ['Response'], properties: { selections: 'string[]' } },
  OpenEndedResponse: { parents: ['Response'], properties: { value: 'string' } },
  RatingScaleResponse: { parents: ['Response'], properties: { selections: 'string[]' } },
  SelectTextResponse: { parents: ['Response'], properties: { values: 'string[]' } },
  TrueFalseResponse: { parents: ['Response'], properties: { value: 'string' } },
  Annotation: {
    parents: ['Entity'],
    properties: { annotator: 'Person', annotated: 'DigitalResource' },
  },
  BookmarkAnnotation: { parents: ['Annotation'], properties: { bookmarkNotes: 'string' } },
  HighlightAnnotation: {
    parents: ['Annotation'],
    properties: { selectionText: 'string', selection: 'TextPositionSelector' },
  },
  SharedAnnotation: { parents: ['Annotation'], properties: { withAgents: 'Agent[]' } },
  TagAnnotation: { parents: ['Annotation'], properties: { tags: 'string[]' } },
  TextPositionSelector: {
    parents: [],
    properties: { start: 'integer', end: 'integer' },
    structured: true,
  },
  Comment: {
    parents: ['Entity'],
    properties: { commenter: 'Person', commentedOn: 'Entity', value: 'string' },
  },
  Rating: {
    parents: ['Entity'],
    properties: {
      rater: 'Person',
      rated: 'Entity',
      question: 'Question',
      selections: 'string[]',
      ratingComment: 'Comment',
    },
  },
  Scale: { parents: ['Entity'], properties: {} },
  LikertScale: {
    parents: ['Scale'],
    properties: { scalePoints: 'integer', itemLabels: 'string[]', itemValues: 'string[]' },
  },
  MultiselectScale: {
    parents: ['Scale'],
    properties: {
      scalePoints: 'integer',
      itemLabels: 'string[]',
      itemValues: 'string[]',
      isOrderedSelection: 'boolean',
      // The 1.2 model table says String, but its own examples (and 1.1) use integers.
      minSelections: 'integer',
      maxSelections: 'integer',
    },
  },
  NumericScale: {
    parents: ['Scale'],
    properties: {
      minLabel: 'string',
      maxLabel: 'string',
      minValue: 'decimal',
      maxValue: 'decimal',
      step: 'decimal',
    },
  },
  Forum: { parents: ['DigitalResourceCollection'], properties: { items: 'Thread[]' } },
  Thread: { parents: ['DigitalResourceCollection'], properties: { items: 'Message[]' } },
  Message: {
    parents: ['DigitalResource'],
    properties: { body: 'string', attachments: 'DigitalResource[]', replyTo: 'Message' },
  },
  Result: {
    parents: ['Entity'],
    properties: {
      attempt: 'Attempt',
      maxResultScore: 'decimal',
      resultScore: 'decimal',
      scoredBy: 'Agent',
      comment: 'string',
    },
  },
  Score: {
    parents: ['Entity'],
    properties: {
      attempt: 'Attempt',
      maxScore: 'decimal',
      scoreGiven: 'decimal',
      scoredBy: 'Agent',
      comment: 'string',
    },
  },
  Link: { parents: ['Entity'], properties: {} },
  LtiLink: { parents: ['DigitalResource'], properties: { messageType: 'enum:ltiMessageType' } },
  MediaObject: { parents: ['DigitalResource'], properties: { duration: 'duration' } },
  AudioObject: {
    parents: ['MediaObject'],
    properties: {
      muted: 'boolean',
      volumeLevel: 'string',
      volumeMin: 'string',
      volumeMax: 'string',
    },
  },
  ImageObject: { parents: ['MediaObject'], properties: {} },
  VideoObject: { parents: ['MediaObject'], properties: {} },
  MediaLocation: { parents: ['DigitalResource'], properties: { currentTime: 'duration' } },
  Document: { parents: ['DigitalResource'], properties: {} },
  Chapter: { parents: ['DigitalResource'], properties: {} },
  Page: { parents: ['DigitalResource'], properties: {} },
  WebPage: { parents: ['DigitalResource'], properties: {} },
  Frame: { parents: ['DigitalResource'], properties: { index: 'integer' } },
  Query: {
    parents: ['Entity'],
    properties: { creator: 'Person', searchTarget: 'Entity', searchTerms: 'string' },
  },
  SearchResponse: {
    parents: ['Entity'],
    properties: {
      searchProvider: 'SoftwareApplication',
      searchTarget: 'Entity',
      query: 'Query',
      searchResultsItemCount: 'integer',
      searchResults: 'Entity[]',
    },
  },
  Session: {
    parents: ['Entity'],
    properties: { user: 'Person', client: 'SoftwareApplication', ...DATE_RANGE },
  },
  LtiSession: { parents: ['Session'], properties: { messageParameters: 'map' } },
  Question: { parents: ['DigitalResource'], properties: { questionPosed: 'string' } },
  DateTimeQuestion: {
    parents: ['Question'],
    properties: {
      minDateTime: 'datetime',
      maxDateTime: 'datetime',
      minLabel: 'string',
      maxLabel: 'string',
    },
  },
  MultiselectQuestion: {
    parents: ['Question'],
    properties: { itemLabels: 'string[]', itemValues: 'string[]', points: 'integer' },
  },
  OpenEndedQuestion: { parents: ['Question'], properties: {} },
  RatingScaleQuestion: { parents: ['Question'], properties: { scale: 'Scale' } },
  QuestionnaireItem: {
    parents: ['DigitalResource'],
    // categories: the model says 0..1 but describes "an array of category items".
    properties: { question: 'Question', categories: 'string[]', weight: 'decimal' },
  },
  Questionnaire: {
    parents: ['DigitalResourceCollection'],
    properties: { items: 'QuestionnaireItem[]' },
  },
  Survey: { parents: ['Collection'], properties: { items: 'Questionnaire[]' } },
  SurveyInvitation: {
    parents: ['DigitalResource'],
    properties: { rater: 'Person', survey: 'Survey', sentCount: 'integer', dateSent: 'datetime' },
  },
  AggregateMeasure: {
    parents: ['Entity'],
    properties: {
      metricValue: 'decimal',
      maxMetricValue: 'decimal',
      metric: 'enum:metric',
      startedAtTime: 'datetime',
      endedAtTime: 'datetime',
    },
    required: ['metric', 'metricValue'],
  },
  AggregateMeasureCollection: {
    parents: ['Collection'],
    properties: { items: 'AggregateMeasure[]' },
  },
  SystemIdentifier: {
    parents: [],
    properties: {
      identifier: 'string',
      identifierType: 'enum:identifierType',
      source: 'SoftwareApplication',
      extensions: 'map',
    },
    required: ['identifier', 'identifierType'],
    structured: true,
  },
  // Caliper 1.1 reading entities, deprecated there and gone from the 1.2 context.
  EpubChapter: { parents: ['DigitalResource'], properties: {}, only: '1.1' },
  EpubPart: { parents: ['DigitalResource'], properties: {}, only: '1.1' },
  EpubSubChapter: { parents: ['DigitalResource'], properties: {}, only: '1.1' },
  EpubVolume: { parents: ['DigitalResource'], properties: {}, only: '1.1' },
  Reading: { parents: ['DigitalResource'], properties: {}, only: '1.1' },
};

/** The entity class of `type` under `version`, or undefined when that version does not define it. */
export function entityClass(type: string, version: CaliperVersion): EntityClass | undefined {
  const found = Object.hasOwn(ENTITY_CLASSES, type) ? ENTITY_CLASSES[type] : undefined;
  if (found?.only !== undefined && found.only !== version) return undefined;
  return found;
}

/** Whether `type` is `base` or one of its subtypes. */
export function isEntityOfType(type: string, base: string): boolean {
  if (type === base) return true;
  const found = Object.hasOwn(ENTITY_CLASSES, type) ? ENTITY_CLASSES[type] : undefined;
  return found?.parents.some((parent) => isEntityOfType(parent, base)) ?? false;
}

/** Every property of `type`, inherited ones first (a subtype's own kind wins). */
export function entityProperties(type: string): Record<string, PropertyKind> {
  const found = Object.hasOwn(ENTITY_CLASSES, type) ? ENTITY_CLASSES[type] : undefined;
  if (found === undefined) return {};
  const inherited = found.parents.map(entityProperties);
  return Object.assign({}, ...inherited, found.properties) as Record<string, PropertyKind>;
}

/** Required properties of `type`, its parents' included. */
export function requiredEntityProperties(type: string): string[] {
  const found = Object.hasOwn(ENTITY_CLASSES, type) ? ENTITY_CLASSES[type] : undefined;
  if (found === undefined) return [];
  return [
    ...new Set([...found.parents.flatMap(requiredEntityProperties), ...(found.required ?? [])]),
  ];
}
