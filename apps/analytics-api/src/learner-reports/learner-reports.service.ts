/** A learner's daily activity (rollup) and event timeline, for the caller's tenant only. */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { Inject, Injectable } from '@nestjs/common';
import { rowsOf } from '../course-reports/course-reports.query';
import { AnalyticsMetrics } from '../http-metrics/analytics-metrics';
import { pageOf, type Page } from '../params/page-cursor';
import type { LearnerActivityParams, TimelineParams } from './learner-report.params';
import { learnerActivitySql, timelineSql } from './learner-reports.query';

type Int = string | number;

const isoOf = (ms: Int): string => new Date(Number(ms)).toISOString();

export interface LearnerDay {
  courseId: string;
  date: string;
  events: number;
  /** Events per canonical action (viewed, completed, ...). */
  actions: Record<string, number>;
  firstActivityAt: string;
  lastActivityAt: string;
  scores: number;
  meanScore: number | null;
}

export interface LearnerActivityReport extends Page<LearnerDay> {
  learnerId: string;
  from: string;
  to: string;
}

export interface TimelineEvent {
  eventId: string;
  occurredAt: string;
  receivedAt: string;
  source: string;
  courseId: string | null;
  objectId: string;
  objectType: string;
  action: string;
  score: {
    raw: number | null;
    min: number | null;
    max: number | null;
    scaled: number | null;
  } | null;
}

export interface TimelineReport extends Page<TimelineEvent> {
  learnerId: string;
  order: 'asc' | 'desc';
}

@Injectable()
export class LearnerReportsService {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    private readonly metrics: AnalyticsMetrics,
  ) {}

  async activity(tenant: string, p: LearnerActivityParams): Promise<LearnerActivityReport> {
    interface Row {
      course_id: string;
      date: string;
      events: Int;
      actions: Record<string, Int>;
      first_ms: Int;
      last_ms: Int;
      scores: Int;
      score_sum: number;
    }
    const after = p.paging.after;
    const rows = await this.metrics.timeQuery('learner_daily_activity', () =>
      rowsOf<Row>(
        this.clickhouse,
        learnerActivitySql(p.courseId !== undefined, after !== undefined),
        {
          tenant,
          learner: p.learnerId,
          course: p.courseId,
          from: p.range.from,
          to: p.range.to,
          after_day: after?.[0],
          after_course: after?.[1],
          limit: p.paging.limit + 1,
        },
      ),
    );
    return {
      learnerId: p.learnerId,
      from: p.range.from,
      to: p.range.to,
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [row.date, row.course_id],
        (row) => {
          const scores = Number(row.scores);
          return {
            courseId: row.course_id,
            date: row.date,
            events: Number(row.events),
            actions: Object.fromEntries(
              Object.entries(row.actions).map(([action, n]) => [action, Number(n)]),
            ),
            firstActivityAt: isoOf(row.first_ms),
            lastActivityAt: isoOf(row.last_ms),
            scores,
            meanScore: scores > 0 ? row.score_sum / scores : null,
          };
        },
      ),
    };
  }

  async timeline(tenant: string, p: TimelineParams): Promise<TimelineReport> {
    interface Row {
      event_id: string;
      occurred_ms: Int;
      received_ms: Int;
      source: string;
      course_id: string;
      object_id: string;
      object_type: string;
      action: string;
      score_raw: number | null;
      score_min: number | null;
      score_max: number | null;
      score_scaled: number | null;
    }
    const after = p.paging.after;
    const sql = timelineSql(
      p.courseId !== undefined,
      p.from !== undefined,
      p.to !== undefined,
      after !== undefined,
      p.order,
    );
    const rows = await this.metrics.timeQuery('learner_timeline', () =>
      rowsOf<Row>(this.clickhouse, sql, {
        tenant,
        learner: p.learnerId,
        course: p.courseId,
        from: p.from,
        to: p.to,
        after_ms: after?.[0],
        after_id: after?.[1],
        limit: p.paging.limit + 1,
      }),
    );
    return {
      learnerId: p.learnerId,
      order: p.order,
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [Number(row.occurred_ms), row.event_id],
        (row) => {
          const hasScore = [row.score_raw, row.score_min, row.score_max, row.score_scaled].some(
            (value) => value !== null,
          );
          return {
            eventId: row.event_id,
            occurredAt: isoOf(row.occurred_ms),
            receivedAt: isoOf(row.received_ms),
            source: row.source,
            courseId: row.course_id === '' ? null : row.course_id,
            objectId: row.object_id,
            objectType: row.object_type,
            action: row.action,
            score: hasScore
              ? {
                  raw: row.score_raw,
                  min: row.score_min,
                  max: row.score_max,
                  scaled: row.score_scaled,
                }
              : null,
          };
        },
      ),
    };
  }
}
