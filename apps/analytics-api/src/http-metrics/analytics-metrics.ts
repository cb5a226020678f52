/**
 * The app's Prometheus metrics, on the app's own registry (several apps may share a process):
 * request durations by route and status, and ClickHouse query durations by query.
 */
import { METRICS } from '@learnpulse/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Histogram, type Registry } from 'prom-client';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

@Injectable()
export class AnalyticsMetrics {
  private readonly requestSeconds: Histogram<'method' | 'route' | 'status'>;
  private readonly querySeconds: Histogram<'query' | 'outcome'>;

  constructor(@Inject(METRICS) registry: Registry) {
    this.requestSeconds = new Histogram({
      name: 'learnpulse_analytics_http_request_duration_seconds',
      help: 'Time to answer an HTTP request of analytics-api, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    });
    this.querySeconds = new Histogram({
      name: 'learnpulse_analytics_query_duration_seconds',
      help: 'Time of the ClickHouse queries analytics-api runs, by query and outcome',
      labelNames: ['query', 'outcome'],
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    });
  }

  /** `route` is the route pattern (not the URL), so course ids do not explode the label set. */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    this.requestSeconds.observe(
      { method, route: route ?? 'unmatched', status: String(status) },
      seconds,
    );
  }

  async timeQuery<T>(query: string, run: () => Promise<T>): Promise<T> {
    const end = this.querySeconds.startTimer({ query });
    try {
      const result = await run();
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: 'error' });
      throw error;
    }
  }
}
