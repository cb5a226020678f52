/** Wires analytics-api: observability, tenant auth, ClickHouse, and the report modules. */
import { AuthModule } from '@learnpulse/auth';
import type { Environment } from '@learnpulse/config';
import { ObservabilityModule } from '@learnpulse/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { CourseActivityModule } from './course-activity/course-activity.module';
import { CourseReportsModule } from './course-reports/course-reports.module';
import { HttpMetricsModule } from './http-metrics/http-metrics.module';
import { LearnerReportsModule } from './learner-reports/learner-reports.module';
import { SqlModule } from './sql/sql.module';
import { LearnerAdminModule } from './learner-admin/learner-admin.module';
import { WarehouseModule } from './warehouse/warehouse.module';

export const APP_NAME = 'analytics-api';

@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ app: APP_NAME, env }),
        AuthModule.forRoot(env),
        WarehouseModule.forRoot(env),
        HttpMetricsModule,
        CourseActivityModule,
        CourseReportsModule,
        LearnerReportsModule,
        SqlModule,
        LearnerAdminModule.forRoot(env),
      ],
    };
  }
}
