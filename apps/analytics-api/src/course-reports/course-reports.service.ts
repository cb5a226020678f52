/**
 * The course reports: engagement, completion, score distributions, enrolments, video
 * engagement and the at-risk list, each from its rollup, for the caller's tenant only.
 */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { Inject, Injectable } from '@nestjs/common';
import { eachDay } from '../course-activity/activity-range';
import { AnalyticsMetrics } from '../http-metrics/analytics-metrics';
import { pageOf, type Page } from '../params/page-cursor';
import type {
  AtRiskParams,
  EngagementParams,
  EnrolmentHistoryParams,
  EnrolmentsParams,
  ObjectListParams,
  VideosParams,
} from './course-report.params';
import {
  atRiskSql,
  COMPLETION_SUMMARY_SQL,
  completionSql,
  DAILY_ENGAGEMENT_SQL,
  ENROLMENT_COUNTS_SQL,
  enrolmentHistorySql,
  enrolmentsSql,
  RISK_COUNTS_SQL,
  rowsOf,
  SCORE_LEVELS,
  scoresSql,
  videosSql,
  WEEKLY_ENGAGEMENT_SQL,
  type Params,
} from './course-reports.query';

/** UInt64 and Int64 arrive as JSON strings. */
type Int = string | number;

const isoOf = (ms: Int | null): string | null =>
  ms === null ? null : new Date(Number(ms)).toISOString();

export interface EngagementPoint {
  /** The day, or the Monday of the week, YYYY-MM-DD. */
  period: string;
  events: number;
  activeLearners: number;
}

export interface EngagementReport {
  courseId: string;
  from: string;
  to: string;
  interval: 'day' | 'week';
  points: EngagementPoint[];
  totalEvents: number;
  /** Distinct learners active at any time in the range. */
  activeLearners: number;
}

export interface ActivityCompletion {
  objectId: string;
  events: number;
  learners: number;
  completers: number;
  passers: number;
  failers: number;
  completionRate: number;
  lastActivityAt: string | null;
}

export interface CompletionReport extends Page<ActivityCompletion> {
  courseId: string;
  course: { activities: number; learners: number; completers: number; completionRate: number };
}

export interface HistogramBucket {
  from: number;
  to: number;
  count: number;
}

export interface AssessmentScores {
  objectId: string;
  scores: number;
  learners: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  quantiles: Record<string, number | null>;
  histogram: HistogramBucket[];
}

export interface ScoresReport extends Page<AssessmentScores> {
  courseId: string;
}

export interface Enrolment {
  learnerId: string;
  status: string;
  since: string | null;
}

export interface EnrolmentsReport extends Page<Enrolment> {
  courseId: string;
  status: string;
  counts: { enrolled: number; unenrolled: number };
}

export interface EnrolmentEvent {
  learnerId: string;
  action: string;
  occurredAt: string | null;
  eventId: string;
}

export interface EnrolmentHistoryReport extends Page<EnrolmentEvent> {
  courseId: string;
}

export interface VideoEngagement {
  objectId: string;
  events: number;
  plays: number;
  pauses: number;
  completions: number;
  viewers: number;
}

export interface VideosReport extends Page<VideoEngagement> {
  courseId: string;
  from: string;
  to: string;
}

export interface AtRiskLearner {
  learnerId: string;
  score: number;
  level: string;
  previousLevel: string | null;
  reasons: unknown;
  modelVersion: string;
  asOf: string | null;
  lastActivityAt: string | null;
}

export interface AtRiskReport extends Page<AtRiskLearner> {
  courseId: string;
  levels: string[];
  counts: { low: number; medium: number; high: number };
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function mondaysOf(from: string, to: string): string[] {
  const dayMs = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  // getUTCDay: 0 Sunday .. 6 Saturday; back to the Monday of from's week.
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * dayMs;
  const end = Date.parse(`${to}T00:00:00Z`);
  const weeks: string[] = [];
  for (let time = monday; time <= end; time += 7 * dayMs) {
    weeks.push(new Date(time).toISOString().slice(0, 10));
  }
  return weeks;
}

function parseReasons(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return [];
  }
}

@Injectable()
export class CourseReportsService {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    private readonly metrics: AnalyticsMetrics,
  ) {}

  private rows<R>(name: string, query: string, params: Params): Promise<R[]> {
    return this.metrics.timeQuery(name, () => rowsOf<R>(this.clickhouse, query, params));
  }

  async engagement(tenant: string, p: EngagementParams): Promise<EngagementReport> {
    const params = { tenant, course: p.courseId, from: p.range.from, to: p.range.to };
    const daily = p.interval === 'day';
    interface Row {
      period: string;
      events: Int;
      active_learners: Int;
    }
    const both = await this.rows<Row & { is_total: Int }>(
      daily ? 'course_daily_activity' : 'course_weekly_activity',
      daily ? DAILY_ENGAGEMENT_SQL : WEEKLY_ENGAGEMENT_SQL,
      params,
    );
    const rows = both.filter((row) => Number(row.is_total) === 0);
    const totals = both.filter((row) => Number(row.is_total) === 1);
    const byPeriod = new Map(rows.map((row) => [row.period, row]));
    const periods = daily ? eachDay(p.range) : mondaysOf(p.range.from, p.range.to);
    const points = periods.map((period) => {
      const row = byPeriod.get(period);
      return {
        period,
        events: Number(row?.events ?? 0),
        activeLearners: Number(row?.active_learners ?? 0),
      };
    });
    return {
      courseId: p.courseId,
      from: p.range.from,
      to: p.range.to,
      interval: p.interval,
      points,
      totalEvents: Number(totals[0]?.events ?? 0),
      activeLearners: Number(totals[0]?.active_learners ?? 0),
    };
  }

  async completion(tenant: string, p: ObjectListParams): Promise<CompletionReport> {
    interface Row {
      object_id: string;
      events: Int;
      learners: Int;
      completers: Int;
      passers: Int;
      failers: Int;
      last_ms: Int | null;
    }
    interface Summary {
      activities: Int;
      learners: Int;
      completers: Int;
    }
    const after = p.paging.after?.[0];
    const [rows, [summary]] = await Promise.all([
      this.rows<Row>(
        'activity_completion',
        completionSql(p.objectId !== undefined, after !== undefined),
        {
          tenant,
          course: p.courseId,
          object: p.objectId,
          after,
          limit: p.paging.limit + 1,
        },
      ),
      this.rows<Summary>('activity_completion_summary', COMPLETION_SUMMARY_SQL, {
        tenant,
        course: p.courseId,
      }),
    ]);
    const learners = Number(summary?.learners ?? 0);
    const completers = Number(summary?.completers ?? 0);
    return {
      courseId: p.courseId,
      course: {
        activities: Number(summary?.activities ?? 0),
        learners,
        completers,
        completionRate: rate(completers, learners),
      },
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [row.object_id],
        (row) => ({
          objectId: row.object_id,
          events: Number(row.events),
          learners: Number(row.learners),
          completers: Number(row.completers),
          passers: Number(row.passers),
          failers: Number(row.failers),
          completionRate: rate(Number(row.completers), Number(row.learners)),
          lastActivityAt: isoOf(row.last_ms),
        }),
      ),
    };
  }

  async scores(tenant: string, p: ObjectListParams): Promise<ScoresReport> {
    interface Row {
      object_id: string;
      scores: Int;
      learners: Int;
      score_sum: number;
      score_min: number;
      score_max: number;
      quantiles: (number | null)[];
      histogram: Record<string, Int>;
    }
    const after = p.paging.after?.[0];
    const rows = await this.rows<Row>(
      'assessment_scores',
      scoresSql(p.objectId !== undefined, after !== undefined),
      {
        tenant,
        course: p.courseId,
        object: p.objectId,
        after,
        limit: p.paging.limit + 1,
      },
    );
    return {
      courseId: p.courseId,
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [row.object_id],
        (row) => {
          const scores = Number(row.scores);
          const scored = scores > 0;
          return {
            objectId: row.object_id,
            scores,
            learners: Number(row.learners),
            mean: scored ? row.score_sum / scores : null,
            min: scored ? row.score_min : null,
            max: scored ? row.score_max : null,
            quantiles: Object.fromEntries(
              SCORE_LEVELS.map((level, i) => [
                `p${Math.round(level * 100)}`,
                scored ? (row.quantiles[i] ?? null) : null,
              ]),
            ),
            histogram: Array.from({ length: 10 }, (_, bucket) => ({
              from: bucket / 10,
              to: (bucket + 1) / 10,
              count: Number(row.histogram[String(bucket)] ?? 0),
            })),
          };
        },
      ),
    };
  }

  async enrolments(tenant: string, p: EnrolmentsParams): Promise<EnrolmentsReport> {
    interface Row {
      learner_id: string;
      status: string;
      since_ms: Int | null;
    }
    const after = p.paging.after?.[0];
    const [rows, counts] = await Promise.all([
      this.rows<Row>('enrolment_current', enrolmentsSql(p.status !== 'all', after !== undefined), {
        tenant,
        course: p.courseId,
        status: p.status,
        after,
        limit: p.paging.limit + 1,
      }),
      this.rows<{ status: string; learners: Int }>(
        'enrolment_current_counts',
        ENROLMENT_COUNTS_SQL,
        {
          tenant,
          course: p.courseId,
        },
      ),
    ]);
    const count = (status: string): number =>
      Number(counts.find((row) => row.status === status)?.learners ?? 0);
    return {
      courseId: p.courseId,
      status: p.status,
      counts: { enrolled: count('enrolled'), unenrolled: count('unenrolled') },
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [row.learner_id],
        (row) => ({ learnerId: row.learner_id, status: row.status, since: isoOf(row.since_ms) }),
      ),
    };
  }

  async enrolmentHistory(
    tenant: string,
    p: EnrolmentHistoryParams,
  ): Promise<EnrolmentHistoryReport> {
    interface Row {
      learner_id: string;
      action: string;
      at_ms: Int;
      event_id: string;
    }
    const after = p.paging.after;
    const rows = await this.rows<Row>(
      'enrolment_history',
      enrolmentHistorySql(
        p.learnerId !== undefined,
        p.from !== undefined,
        p.to !== undefined,
        after !== undefined,
      ),
      {
        tenant,
        course: p.courseId,
        learner: p.learnerId,
        from: p.from,
        to: p.to,
        after_ms: after?.[0],
        after_id: after?.[1],
        limit: p.paging.limit + 1,
      },
    );
    return {
      courseId: p.courseId,
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [Number(row.at_ms), row.event_id],
        (row) => ({
          learnerId: row.learner_id,
          action: row.action,
          occurredAt: isoOf(row.at_ms),
          eventId: row.event_id,
        }),
      ),
    };
  }

  async videos(tenant: string, p: VideosParams): Promise<VideosReport> {
    interface Row {
      object_id: string;
      events: Int;
      plays: Int;
      pauses: Int;
      completions: Int;
      viewers: Int;
    }
    const after = p.paging.after?.[0];
    const rows = await this.rows<Row>(
      'video_engagement',
      videosSql(p.objectId !== undefined, after !== undefined),
      {
        tenant,
        course: p.courseId,
        from: p.range.from,
        to: p.range.to,
        object: p.objectId,
        after,
        limit: p.paging.limit + 1,
      },
    );
    return {
      courseId: p.courseId,
      from: p.range.from,
      to: p.range.to,
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [row.object_id],
        (row) => ({
          objectId: row.object_id,
          events: Number(row.events),
          plays: Number(row.plays),
          pauses: Number(row.pauses),
          completions: Number(row.completions),
          viewers: Number(row.viewers),
        }),
      ),
    };
  }

  async atRisk(tenant: string, p: AtRiskParams): Promise<AtRiskReport> {
    interface Row {
      learner_id: string;
      score: number;
      level: string;
      previous_level: string | null;
      reasons: string;
      model_version: string;
      as_of_ms: Int;
      last_activity_ms: Int | null;
    }
    const after = p.paging.after;
    const [rows, counts] = await Promise.all([
      this.rows<Row>('learner_risk_latest', atRiskSql(after !== undefined), {
        tenant,
        course: p.courseId,
        levels: p.levels,
        after_score: after?.[0],
        after_learner: after?.[1],
        limit: p.paging.limit + 1,
      }),
      this.rows<{ level: string; learners: Int }>('learner_risk_latest_counts', RISK_COUNTS_SQL, {
        tenant,
        course: p.courseId,
      }),
    ]);
    const count = (level: string): number =>
      Number(counts.find((row) => row.level === level)?.learners ?? 0);
    return {
      courseId: p.courseId,
      levels: p.levels,
      counts: { low: count('low'), medium: count('medium'), high: count('high') },
      ...pageOf(
        rows,
        p.paging.limit,
        (row) => [row.score, row.learner_id],
        (row) => ({
          learnerId: row.learner_id,
          score: row.score,
          level: row.level,
          previousLevel: row.previous_level,
          reasons: parseReasons(row.reasons),
          modelVersion: row.model_version,
          asOf: isoOf(row.as_of_ms),
          lastActivityAt: isoOf(row.last_activity_ms),
        }),
      ),
    };
  }
}
