/** POST /caliper, with the per-tenant pseudonymiser of the Caliper actors it is given. */
import { type DynamicModule, Module } from '@nestjs/common';
import { LEARNER_PSEUDONYMS, type LearnerPseudonymsFor } from '../learners/learner-identity.tokens';
import { CaliperController } from './caliper.controller';
import { CaliperService } from './caliper.service';

@Module({})
export class CaliperModule {
  static forRoot(pseudonyms: LearnerPseudonymsFor): DynamicModule {
    return {
      module: CaliperModule,
      controllers: [CaliperController],
      providers: [CaliperService, { provide: LEARNER_PSEUDONYMS, useValue: pseudonyms }],
    };
  }
}
