/** The operator endpoints for GDPR requests (learner erase and export). */
import type { Environment } from '@learnpulse/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { AdminTokenGuard } from './admin-token.guard';
import { LearnerAdminController } from './learner-admin.controller';
import { LearnerAdminService } from './learner-admin.service';
import { ADMIN_ENV } from './learner-admin.tokens';

@Module({})
export class LearnerAdminModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: LearnerAdminModule,
      controllers: [LearnerAdminController],
      providers: [{ provide: ADMIN_ENV, useValue: env }, LearnerAdminService, AdminTokenGuard],
    };
  }
}
