/** The course activity report: one entry per day of the range, days without events as zero. */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { Inject, Injectable } from '@nestjs/common';
import { AnalyticsMetrics } from '../http-metrics/analytics-metrics';
import { eachDay, type ActivityRange } from './activity-range';
import { queryCourseDailyActivity, type DailyActivityRow } from './course-activity.query';

export interface CourseActivityReport {
  courseId: string;
  from: string;
  to: string;
  days: DailyActivityRow[];
  totalEvents: number;
}

@Injectable()
export class CourseActivityService {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    private readonly metrics: AnalyticsMetrics,
  ) {}

  async report(
    tenant: string,
    courseId: string,
    range: ActivityRange,
  ): Promise<CourseActivityReport> {
    const rows = await this.metrics.timeQuery('course_daily_activity', () =>
      queryCourseDailyActivity(this.clickhouse, tenant, courseId, range),
    );
    const byDate = new Map(rows.map((row) => [row.date, row]));
    // A continuous series, so a chart needs no gap handling.
    const days = eachDay(range).map(
      (date) => byDate.get(date) ?? { date, events: 0, activeLearners: 0 },
    );
    return {
      courseId,
      from: range.from,
      to: range.to,
      days,
      totalEvents: days.reduce((sum, day) => sum + day.events, 0),
    };
  }
}
