import { Module } from '@nestjs/common';
import { CourseReportsController } from './course-reports.controller';
import { CourseReportsService } from './course-reports.service';

@Module({
  controllers: [CourseReportsController],
  providers: [CourseReportsService],
})
export class CourseReportsModule {}
