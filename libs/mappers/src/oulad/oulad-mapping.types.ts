/** The shapes the OULAD mappers share: a CSV row as text, the run's context, and a result. */
import { type LearningEvent } from '@learnpulse/events';

/** One CSV row keyed by its header names; every value is the field's text as written. */
export type OuladRow = Readonly<Record<string, string | undefined>>;

/** A problem with one row: the column it is about and the rule it breaks. */
export interface OuladMappingError {
  path: string;
  rule: string;
}

/** Events of a row, or why the row cannot be mapped (never both). */
export type OuladMappingResult = { events: LearningEvent[] } | { errors: OuladMappingError[] };

export interface OuladMappingContext {
  tenant: string;
  /** Day 0 of every presentation, epoch ms at 00:00 UTC. */
  startDate: number;
  /** When learnpulse accepted the events (the import run's start). */
  receivedAt: number;
  /** 1-based line of the row in its table file (the header is line 1). */
  line: number;
}

/** The tables that produce events; the others are lookups (vle, assessments) or not events. */
export const OULAD_EVENT_TABLES = [
  'studentRegistration',
  'studentVle',
  'studentAssessment',
] as const;
export type OuladEventTable = (typeof OULAD_EVENT_TABLES)[number];

export const OULAD_LOOKUP_TABLES = ['vle', 'assessments'] as const;
export type OuladLookupTable = (typeof OULAD_LOOKUP_TABLES)[number];
