/** GET /v1/courses/:courseId/activity — HTTP only: authenticate, check the parameters, report. */
import { BasicAuthGuard, CurrentTenant } from '@learnpulse/auth';
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { badRequest } from '../params/param-error';
import { parseActivityRange } from './activity-range';
import { type CourseActivityReport, CourseActivityService } from './course-activity.service';
import { parseCourseId } from './course-id';

@Controller('v1/courses')
@UseGuards(BasicAuthGuard)
export class CourseActivityController {
  constructor(private readonly activity: CourseActivityService) {}

  @Get(':courseId/activity')
  async courseActivity(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseIdParam: string | undefined,
    @Query() query: unknown,
  ): Promise<CourseActivityReport> {
    const course = parseCourseId(courseIdParam);
    const range = parseActivityRange(query);
    const errors = [...(course.ok ? [] : course.errors), ...(range.ok ? [] : range.errors)];
    if (!course.ok || !range.ok) throw badRequest(errors);
    return this.activity.report(tenant, course.courseId, range.range);
  }
}
