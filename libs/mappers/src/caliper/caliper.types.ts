/**
 * Shapes of Caliper sensor data as this lib reads them: validation errors, and the few event and
 * envelope fields the mapper relies on once validation passed.
 */

/** One broken rule: where (`data[2].actor.id`) and which rule (`must be an IRI`). */
export interface CaliperValidationError {
  readonly path: string;
  readonly rule: string;
}

/** An entity, or a reference to one by its IRI. */
export type CaliperEntityRef = string | CaliperEntity;

export interface CaliperEntity {
  readonly '@context'?: unknown;
  readonly id: string;
  readonly type: string;
  readonly name?: string;
  readonly subOrganizationOf?: CaliperEntityRef;
  readonly [property: string]: unknown;
}

export interface CaliperEvent {
  readonly '@context': unknown;
  readonly id: string;
  readonly type: string;
  readonly profile?: string;
  readonly actor: CaliperEntityRef;
  readonly action: string;
  readonly object: CaliperEntityRef;
  readonly eventTime: string;
  readonly generated?: CaliperEntityRef;
  readonly target?: CaliperEntityRef;
  readonly group?: CaliperEntityRef;
  readonly edApp?: CaliperEntityRef;
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly [property: string]: unknown;
}

export interface CaliperEnvelope {
  readonly sensor: string;
  readonly sendTime: string;
  readonly dataVersion: string;
  readonly data: readonly (CaliperEntityRef | CaliperEvent)[];
}

/** What a top-level Caliper JSON document is, judged by its content. */
export type CaliperDocumentKind =
  'envelope' | 'event' | 'entity' | 'system-identifier' | 'endpoint-config';
