/** GET /v1/courses/:courseId/activity — HTTP only: authenticate, check the parameters, report. */
import { BasicAuthGuard, CurrentTenant } from '@learnpulse/auth';
import { BadRequestException, Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { parseActivityRange, type ParamError } from './activity-range';
import { type CourseActivityReport, CourseActivityService } from './course-activity.service';
import { parseCourseId } from './course-id';

function badRequest(errors: ParamError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((e) => `${e.param}: ${e.rule}`).join('; '),
    errors,
  });
}

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
