/**
 * POST /edx/events, with the learner identity and course metadata it is given (production:
 * per-tenant pseudonyms keyed by LEARNER_PSEUDONYM_KEY, and course names unknown, ids as names,
 * until a catalogue lookup is provided; see bootstrapClickstreamGateway).
 */
import { type DynamicModule, Module } from '@nestjs/common';
import {
  COURSE_METADATA,
  type CourseMetadataFor,
  LEARNER_IDENTIFIERS,
  type LearnerIdentifiersFor,
  LMS_ROOT_URL,
  type LmsRootUrlFor,
} from '../learners/learner-identity.tokens';
import { EdxEventsController } from './edx-events.controller';
import { EdxEventsService } from './edx-events.service';

export interface EdxIdentity {
  readonly learnerIds: LearnerIdentifiersFor;
  readonly courses: CourseMetadataFor;
  readonly lmsRootUrl: LmsRootUrlFor;
}

@Module({})
export class EdxEventsModule {
  static forRoot(identity: EdxIdentity): DynamicModule {
    return {
      module: EdxEventsModule,
      controllers: [EdxEventsController],
      providers: [
        EdxEventsService,
        { provide: LEARNER_IDENTIFIERS, useValue: identity.learnerIds },
        { provide: COURSE_METADATA, useValue: identity.courses },
        { provide: LMS_ROOT_URL, useValue: identity.lmsRootUrl },
      ],
    };
  }
}
