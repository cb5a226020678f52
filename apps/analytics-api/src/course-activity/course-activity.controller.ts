/** GET /v1/courses/:courseId/activity — HTTP only: authenticate, check the parameters, report. */
import { BasicAuthGuard, CurrentTenant, RequireScopes } from '@learnpulse/auth';
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiCourseIdParam,
  ApiDayRangeQuery,
  ApiOk,
  ApiTenantAuth,
  objectOf,
  S,
} from '../openapi/openapi.decorators';
import { ANALYTICS_READ_SCOPE } from '../params/analytics-scope';
import { badRequest } from '../params/param-error';
import { parseActivityRange } from './activity-range';
import { type CourseActivityReport, CourseActivityService } from './course-activity.service';
import { parseCourseId } from './course-id';

@ApiTags('courses')
@ApiTenantAuth()
@Controller('v1/courses')
@UseGuards(BasicAuthGuard)
@RequireScopes(ANALYTICS_READ_SCOPE)
export class CourseActivityController {
  constructor(private readonly activity: CourseActivityService) {}

  @Get(':courseId/activity')
  @ApiOperation({
    summary: 'Daily events and active learners of a course (course_daily_activity)',
    description: 'One entry per day of the range, empty days as 0.',
  })
  @ApiCourseIdParam()
  @ApiDayRangeQuery(true)
  @ApiOk(
    'daily activity',
    objectOf({
      courseId: S.str,
      from: S.str,
      to: S.str,
      days: {
        type: 'array',
        items: objectOf({ date: S.str, events: S.int, activeLearners: S.int }),
      },
      totalEvents: S.int,
    }),
  )
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
