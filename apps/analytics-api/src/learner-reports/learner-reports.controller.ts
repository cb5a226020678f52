/** GET /v1/learners/:learnerId/activity and /timeline — HTTP only. */
import { BasicAuthGuard, CurrentTenant, RequireScopes } from '@learnpulse/auth';
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ApiDayRangeQuery,
  ApiIdQuery,
  ApiLearnerIdParam,
  ApiOk,
  ApiPagingQuery,
  ApiTenantAuth,
  objectOf,
  pageOf,
  S,
} from '../openapi/openapi.decorators';
import { ANALYTICS_READ_SCOPE } from '../params/analytics-scope';
import { must } from '../params/must';
import { parseLearnerActivityParams, parseTimelineParams } from './learner-report.params';
import {
  type LearnerActivityReport,
  LearnerReportsService,
  type TimelineReport,
} from './learner-reports.service';

@ApiTags('learners')
@ApiTenantAuth()
@ApiLearnerIdParam()
@Controller('v1/learners')
@UseGuards(BasicAuthGuard)
@RequireScopes(ANALYTICS_READ_SCOPE)
export class LearnerReportsController {
  constructor(private readonly reports: LearnerReportsService) {}

  @Get(':learnerId/activity')
  @ApiOperation({
    summary: "A learner's activity per course and day (learner_daily_activity)",
    description:
      'events, events per action, first and last activity, scored events and mean scaled score; paged by (date, courseId).',
  })
  @ApiIdQuery('courseId', 'only this course')
  @ApiDayRangeQuery(true)
  @ApiPagingQuery()
  @ApiOk(
    'learner days',
    pageOf(
      {
        courseId: S.str,
        date: S.str,
        events: S.int,
        actions: { type: 'object', additionalProperties: S.int },
        firstActivityAt: S.time,
        lastActivityAt: S.time,
        scores: S.int,
        meanScore: { type: 'number', nullable: true },
      },
      { learnerId: S.str, from: S.str, to: S.str },
    ),
  )
  activity(
    @CurrentTenant() tenant: string,
    @Param('learnerId') learnerId: string | undefined,
    @Query() query: unknown,
  ): Promise<LearnerActivityReport> {
    return this.reports.activity(tenant, must(parseLearnerActivityParams(learnerId, query)));
  }

  @Get(':learnerId/timeline')
  @ApiOperation({
    summary: "A learner's events in time order (learning_events)",
    description: 'Keyset-paged by (occurredAt, eventId); order=desc for the latest first.',
  })
  @ApiIdQuery('courseId', 'only this course')
  @ApiDayRangeQuery(false)
  @ApiQuery({
    name: 'order',
    required: false,
    schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
  })
  @ApiPagingQuery()
  @ApiOk(
    'timeline',
    pageOf(
      {
        eventId: S.str,
        occurredAt: S.time,
        receivedAt: S.time,
        source: S.str,
        courseId: { type: 'string', nullable: true },
        objectId: S.str,
        objectType: S.str,
        action: S.str,
        score: {
          ...objectOf({ raw: S.num, min: S.num, max: S.num, scaled: S.num }),
          nullable: true,
        },
      },
      { learnerId: S.str, order: S.str },
    ),
  )
  timeline(
    @CurrentTenant() tenant: string,
    @Param('learnerId') learnerId: string | undefined,
    @Query() query: unknown,
  ): Promise<TimelineReport> {
    return this.reports.timeline(tenant, must(parseTimelineParams(learnerId, query)));
  }
}
