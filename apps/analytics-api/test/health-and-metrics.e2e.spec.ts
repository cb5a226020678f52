import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAnalyticsTestApp, type AnalyticsTestApp } from './analytics-test-app';

const METRICS_TOKEN = 'analytics-metrics-token-for-tests';

describe('analytics-api health and metrics', () => {
  let t: AnalyticsTestApp;

  before(async () => {
    t = await startAnalyticsTestApp({ METRICS_TOKEN });
  });

  after(async () => {
    await t.close();
  });

  it('is ready when ClickHouse answers', async () => {
    const response = await fetch(`${t.baseUrl}/health/ready`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      status: string;
      info: Record<string, { status: string }>;
    };
    assert.equal(body.status, 'ok');
    assert.equal(body.info.clickhouse?.status, 'up');
  });

  it('times requests by route pattern and status, 401s included', async () => {
    const [a] = t.tenants;
    const course = encodeURIComponent('https://lms.example.edu/course/DATA101');
    await fetch(`${t.baseUrl}/v1/courses/${course}/activity`, {
      headers: { authorization: a.authorization },
    });
    await fetch(`${t.baseUrl}/v1/courses/${course}/activity`);
    const response = await fetch(`${t.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    assert.equal(response.status, 200);
    const text = await response.text();
    const route = 'route="/v1/courses/:courseId/activity"';
    assert.match(
      text,
      new RegExp(
        `learnpulse_analytics_http_request_duration_seconds_count\\{[^}]*${route}[^}]*status="200"[^}]*\\} 1`,
      ),
    );
    assert.match(
      text,
      new RegExp(
        `learnpulse_analytics_http_request_duration_seconds_count\\{[^}]*${route}[^}]*status="401"[^}]*\\} 1`,
      ),
    );
    assert.match(
      text,
      /learnpulse_analytics_query_duration_seconds_count\{[^}]*query="course_daily_activity"[^}]*outcome="ok"[^}]*\} 1/,
    );
    assert.doesNotMatch(text, /lms\.example\.edu/, 'course ids must not become metric labels');
  });
});
