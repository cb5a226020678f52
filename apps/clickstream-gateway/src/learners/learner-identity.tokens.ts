/**
 * Injection points of who-is-who in edX events: the per-tenant learner identifier provider
 * (production: the pseudonymiser), the course-metadata lookup (course and block names), so a
 * real catalogue lookup can replace the id-only default without touching the use case, and the
 * tenant's LMS root URL (EDX_LMS_ROOT_URLS), the base of the derived statements' IRIs.
 */
import {
  type CourseMetadataLookup,
  type LearnerIdentifierProvider,
  type LearnerPseudonyms,
} from '@learnpulse/mappers';

export type LearnerIdentifiersFor = (tenant: string) => LearnerIdentifierProvider;
/** The tenant's pseudonymiser of source identities (Caliper actor IRIs), LEARNER_PSEUDONYM_KEY. */
export type LearnerPseudonymsFor = (tenant: string) => LearnerPseudonyms;
export type CourseMetadataFor = (tenant: string) => CourseMetadataLookup;

/** The tenant's Open edX LMS_ROOT_URL, or undefined to take it from each event's host. */
export type LmsRootUrlFor = (tenant: string) => string | undefined;

export const LEARNER_IDENTIFIERS = Symbol('clickstream-gateway.learner-identifiers');
export const COURSE_METADATA = Symbol('clickstream-gateway.course-metadata');
export const LMS_ROOT_URL = Symbol('clickstream-gateway.lms-root-url');
export const LEARNER_PSEUDONYMS = Symbol('clickstream-gateway.learner-pseudonyms');
