import { Module } from '@nestjs/common';
import { CourseActivityController } from './course-activity.controller';
import { CourseActivityService } from './course-activity.service';

@Module({
  controllers: [CourseActivityController],
  providers: [CourseActivityService],
})
export class CourseActivityModule {}
