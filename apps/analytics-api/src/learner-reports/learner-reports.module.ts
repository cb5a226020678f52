import { Module } from '@nestjs/common';
import { LearnerReportsController } from './learner-reports.controller';
import { LearnerReportsService } from './learner-reports.service';

@Module({
  controllers: [LearnerReportsController],
  providers: [LearnerReportsService],
})
export class LearnerReportsModule {}
