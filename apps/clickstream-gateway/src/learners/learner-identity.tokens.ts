/**
 * Injection points of who-is-who in edX events: the per-tenant learner identifier provider
 * (production: the pseudonymiser) and the course-metadata lookup (course and block names), so a
 * real catalogue lookup can replace the id-only default without touching the use case.
 */
import { type CourseMetadataLookup, type LearnerIdentifierProvider } from '@learnpulse/mappers';

export type LearnerIdentifiersFor = (tenant: string) => LearnerIdentifierProvider;
export type CourseMetadataFor = (tenant: string) => CourseMetadataLookup;

export const LEARNER_IDENTIFIERS = Symbol('clickstream-gateway.learner-identifiers');
export const COURSE_METADATA = Symbol('clickstream-gateway.course-metadata');
