/**
 * Injection points of who-is-who in edX events: the per-tenant learner identifier provider
 * (production: the pseudonymiser), the course-metadata lookup (course and block names), so a
 * real catalogue lookup can replace the id-only default without touching the use case, and the
 * tenant's LMS root URL (EDX_LMS_ROOT_URLS), the base of the derived statements' IRIs.
 */
import { type CourseMetadataLookup, type LearnerIdentifierProvider } from '@learnpulse/mappers';

export type LearnerIdentifiersFor = (tenant: string) => LearnerIdentifierProvider;
export type CourseMetadataFor = (tenant: string) => CourseMetadataLookup;

/** The tenant's Open edX LMS_ROOT_URL, or undefined to take it from each event's host. */
export type LmsRootUrlFor = (tenant: string) => string | undefined;

export const LEARNER_IDENTIFIERS = Symbol('clickstream-gateway.learner-identifiers');
export const COURSE_METADATA = Symbol('clickstream-gateway.course-metadata');
export const LMS_ROOT_URL = Symbol('clickstream-gateway.lms-root-url');
