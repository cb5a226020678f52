/** GET /v1/courses/:courseId/... reports — HTTP only: authenticate, read parameters, report. */
import { BasicAuthGuard, CurrentTenant, RequireScopes } from '@learnpulse/auth';
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ApiCourseIdParam,
  ApiDayRangeQuery,
  ApiIdQuery,
  ApiOk,
  ApiPagingQuery,
  ApiTenantAuth,
  objectOf,
  pageOf,
  S,
} from '../openapi/openapi.decorators';
import { ANALYTICS_READ_SCOPE } from '../params/analytics-scope';
import { must } from '../params/must';
import {
  parseAtRiskParams,
  parseEngagementParams,
  parseEnrolmentHistoryParams,
  parseEnrolmentsParams,
  parseObjectListParams,
  parseVideosParams,
  RISK_LEVELS,
} from './course-report.params';
import {
  type AtRiskReport,
  type CompletionReport,
  CourseReportsService,
  type EngagementReport,
  type EnrolmentHistoryReport,
  type EnrolmentsReport,
  type ScoresReport,
  type VideosReport,
} from './course-reports.service';

@ApiTags('courses')
@ApiTenantAuth()
@ApiCourseIdParam()
@Controller('v1/courses')
@UseGuards(BasicAuthGuard)
@RequireScopes(ANALYTICS_READ_SCOPE)
export class CourseReportsController {
  constructor(private readonly reports: CourseReportsService) {}

  @Get(':courseId/engagement')
  @ApiOperation({
    summary:
      'Daily or weekly events and active learners (course_daily_activity, course_weekly_activity)',
    description:
      'One point per day (or per week, keyed by its Monday; whole weeks that overlap the range), empty periods as 0. activeLearners of the report is the distinct learners over the whole range.',
  })
  @ApiDayRangeQuery(true)
  @ApiQuery({
    name: 'interval',
    required: false,
    schema: { type: 'string', enum: ['day', 'week'], default: 'day' },
  })
  @ApiOk(
    'engagement series',
    objectOf({
      courseId: S.str,
      from: S.str,
      to: S.str,
      interval: S.str,
      points: {
        type: 'array',
        items: objectOf({ period: S.str, events: S.int, activeLearners: S.int }),
      },
      totalEvents: S.int,
      activeLearners: S.int,
    }),
  )
  engagement(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseId: string | undefined,
    @Query() query: unknown,
  ): Promise<EngagementReport> {
    return this.reports.engagement(tenant, must(parseEngagementParams(courseId, query)));
  }

  @Get(':courseId/completion')
  @ApiOperation({
    summary: 'Completion per activity and for the course (activity_completion)',
    description:
      'learners acted on the activity at all; completers have a completed or passed event; completionRate = completers / learners. All time; paged by objectId.',
  })
  @ApiIdQuery('objectId', 'only this activity')
  @ApiPagingQuery()
  @ApiOk(
    'per-activity completion',
    pageOf(
      {
        objectId: S.str,
        events: S.int,
        learners: S.int,
        completers: S.int,
        passers: S.int,
        failers: S.int,
        completionRate: S.num,
        lastActivityAt: S.time,
      },
      {
        courseId: S.str,
        course: objectOf({
          activities: S.int,
          learners: S.int,
          completers: S.int,
          completionRate: S.num,
        }),
      },
    ),
  )
  completion(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseId: string | undefined,
    @Query() query: unknown,
  ): Promise<CompletionReport> {
    return this.reports.completion(tenant, must(parseObjectListParams(courseId, query)));
  }

  @Get(':courseId/scores')
  @ApiOperation({
    summary: 'Score distribution per assessment (assessment_scores)',
    description:
      'Scaled scores: count, distinct learners, mean, min, max, quantiles p10-p90 (t-digest, approximate) and a 10-bucket histogram (bucket i holds [i/10, (i+1)/10); negatives in 0, 1.0 in 9). All time; paged by objectId.',
  })
  @ApiIdQuery('objectId', 'only this assessment')
  @ApiPagingQuery()
  @ApiOk(
    'per-assessment score distributions',
    pageOf(
      {
        objectId: S.str,
        scores: S.int,
        learners: S.int,
        mean: { type: 'number', nullable: true },
        min: { type: 'number', nullable: true },
        max: { type: 'number', nullable: true },
        quantiles: objectOf({ p10: S.num, p25: S.num, p50: S.num, p75: S.num, p90: S.num }),
        histogram: { type: 'array', items: objectOf({ from: S.num, to: S.num, count: S.int }) },
      },
      { courseId: S.str },
    ),
  )
  scores(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseId: string | undefined,
    @Query() query: unknown,
  ): Promise<ScoresReport> {
    return this.reports.scores(tenant, must(parseObjectListParams(courseId, query)));
  }

  @Get(':courseId/enrolments')
  @ApiOperation({
    summary: 'Current enrolment per learner (enrolment_current)',
    description:
      "Each learner's latest enrolled/unenrolled event; counts of both; paged by learnerId.",
  })
  @ApiQuery({
    name: 'status',
    required: false,
    schema: { type: 'string', enum: ['enrolled', 'unenrolled', 'all'], default: 'enrolled' },
  })
  @ApiPagingQuery()
  @ApiOk(
    'current enrolments',
    pageOf(
      { learnerId: S.str, status: S.str, since: S.time },
      { courseId: S.str, status: S.str, counts: objectOf({ enrolled: S.int, unenrolled: S.int }) },
    ),
  )
  enrolments(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseId: string | undefined,
    @Query() query: unknown,
  ): Promise<EnrolmentsReport> {
    return this.reports.enrolments(tenant, must(parseEnrolmentsParams(courseId, query)));
  }

  @Get(':courseId/enrolments/history')
  @ApiOperation({
    summary: 'Every enrolled and unenrolled event (enrolment_history)',
    description: 'In time order; paged by (occurredAt, eventId).',
  })
  @ApiIdQuery('learnerId', 'only this learner')
  @ApiDayRangeQuery(false)
  @ApiPagingQuery()
  @ApiOk(
    'enrolment events',
    pageOf(
      { learnerId: S.str, action: S.str, occurredAt: S.time, eventId: S.str },
      { courseId: S.str },
    ),
  )
  enrolmentHistory(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseId: string | undefined,
    @Query() query: unknown,
  ): Promise<EnrolmentHistoryReport> {
    return this.reports.enrolmentHistory(
      tenant,
      must(parseEnrolmentHistoryParams(courseId, query)),
    );
  }

  @Get(':courseId/videos')
  @ApiOperation({
    summary: 'Video engagement per video over a range of days (video_engagement)',
    description:
      'plays, pauses, completions, all video events, distinct viewers; paged by objectId.',
  })
  @ApiDayRangeQuery(true)
  @ApiIdQuery('objectId', 'only this video')
  @ApiPagingQuery()
  @ApiOk(
    'per-video engagement',
    pageOf(
      {
        objectId: S.str,
        events: S.int,
        plays: S.int,
        pauses: S.int,
        completions: S.int,
        viewers: S.int,
      },
      { courseId: S.str, from: S.str, to: S.str },
    ),
  )
  videos(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseId: string | undefined,
    @Query() query: unknown,
  ): Promise<VideosReport> {
    return this.reports.videos(tenant, must(parseVideosParams(courseId, query)));
  }

  @Get(':courseId/at-risk')
  @ApiOperation({
    summary: 'Learners at risk, highest score first (learner_risk_latest)',
    description:
      "Each learner's latest risk assessment with level, reasons (detector, text, weight, evidence), model version and last activity; counts per level. Paged by (score desc, learnerId).",
  })
  @ApiQuery({
    name: 'level',
    required: false,
    description: `comma list of ${RISK_LEVELS.join(', ')}`,
    schema: { type: 'string', default: 'medium,high' },
  })
  @ApiPagingQuery()
  @ApiOk(
    'at-risk learners',
    pageOf(
      {
        learnerId: S.str,
        score: S.num,
        level: S.str,
        previousLevel: { type: 'string', nullable: true },
        reasons: { type: 'array', items: { type: 'object' } },
        modelVersion: S.str,
        asOf: S.time,
        lastActivityAt: S.time,
      },
      {
        courseId: S.str,
        levels: { type: 'array', items: S.str },
        counts: objectOf({ low: S.int, medium: S.int, high: S.int }),
      },
    ),
  )
  atRisk(
    @CurrentTenant() tenant: string,
    @Param('courseId') courseId: string | undefined,
    @Query() query: unknown,
  ): Promise<AtRiskReport> {
    return this.reports.atRisk(tenant, must(parseAtRiskParams(courseId, query)));
  }
}
