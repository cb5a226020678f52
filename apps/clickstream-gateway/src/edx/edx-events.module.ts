/**
 * POST /edx/events, with the production learner identity: per-tenant pseudonyms keyed by
 * LEARNER_PSEUDONYM_KEY, and course names unknown (ids as names) until a catalogue lookup is
 * provided under COURSE_METADATA.
 */
import { NO_COURSE_METADATA } from '@learnpulse/mappers';
import { type DynamicModule, Module } from '@nestjs/common';
import { edxLearnerPseudonyms } from '../learners/learner-pseudonym';
import {
  COURSE_METADATA,
  type CourseMetadataFor,
  LEARNER_IDENTIFIERS,
  type LearnerIdentifiersFor,
} from '../learners/learner-identity.tokens';
import { EdxEventsController } from './edx-events.controller';
import { EdxEventsService } from './edx-events.service';

@Module({})
export class EdxEventsModule {
  static forRoot(pseudonymKey: string): DynamicModule {
    const learnerIds: LearnerIdentifiersFor = (tenant) =>
      edxLearnerPseudonyms(pseudonymKey, tenant);
    const courses: CourseMetadataFor = () => NO_COURSE_METADATA;
    return {
      module: EdxEventsModule,
      controllers: [EdxEventsController],
      providers: [
        EdxEventsService,
        { provide: LEARNER_IDENTIFIERS, useValue: learnerIds },
        { provide: COURSE_METADATA, useValue: courses },
      ],
    };
  }
}
