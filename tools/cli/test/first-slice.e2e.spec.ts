/**
 * The first slice end to end, as `npm start` runs it: gateway → Kafka → writer → ClickHouse →
 * analytics API, all services in one process on real Kafka and embedded ClickHouse.
 */
import { basicAuthHeader } from '@learnpulse/auth';
import type { Environment } from '@learnpulse/config';
import { testEnvironment, uniqueName, waitFor } from '@learnpulse/testing';
import type { INestApplication } from '@nestjs/common';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { HOSTED_APPS, startApps, stopApps } from '../src/app-registry';

const STATEMENTS = 1_200;
const BATCH = 100;

function statementFor(
  course: string,
  learner: number,
  sequence: number,
  day: Date,
): Record<string, unknown> {
  return {
    id: randomUUID(),
    actor: {
      objectType: 'Agent',
      account: { homePage: 'https://lms.example.edu', name: `learner-${learner}` },
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { en: 'experienced' } },
    object: {
      id: `${course}/page/${sequence % 17}`,
      definition: { type: 'http://adlnet.gov/expapi/activities/lesson' },
    },
    context: {
      contextActivities: {
        grouping: [
          { id: course, definition: { type: 'http://adlnet.gov/expapi/activities/course' } },
        ],
      },
    },
    timestamp: day.toISOString(),
  };
}

describe('first slice: statements posted to the LRS are counted by the activity endpoint', () => {
  let env: Environment;
  let apps: INestApplication[] = [];
  let authorization: string;

  before(async () => {
    env = await testEnvironment();
    apps = await startApps(HOSTED_APPS, env);
    authorization = basicAuthHeader(env.DEMO_LRS_KEY, env.DEMO_LRS_SECRET ?? '');
  });

  after(async () => {
    await stopApps(apps);
  });

  it(`returns exactly ${STATEMENTS} events for ${STATEMENTS} statements posted in batches`, async () => {
    const course = `https://lms.example.edu/course/${uniqueName('E2E')}`;
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    const statements = Array.from({ length: STATEMENTS }, (_, i) =>
      statementFor(course, i % 40, i, i % 3 === 0 ? yesterday : today),
    );
    for (let start = 0; start < statements.length; start += BATCH) {
      const batch = statements.slice(start, start + BATCH);
      const response = await fetch(
        `http://${env.HTTP_HOST}:${env.XAPI_GATEWAY_PORT}/xapi/statements`,
        {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/json',
            'x-experience-api-version': '2.0.0',
          },
          body: JSON.stringify(batch),
        },
      );
      assert.equal(response.status, 200, await response.clone().text());
      const ids = (await response.json()) as string[];
      assert.deepEqual(
        ids,
        batch.map((s) => s.id),
      );
    }

    const url = `http://${env.HTTP_HOST}:${env.ANALYTICS_API_PORT}/v1/courses/${encodeURIComponent(course)}/activity`;
    const from = yesterday.toISOString().slice(0, 10);
    const to = today.toISOString().slice(0, 10);
    const read = async (): Promise<{
      totalEvents: number;
      days: { date: string; events: number; activeLearners: number }[];
    }> => {
      const response = await fetch(`${url}?from=${from}&to=${to}`, { headers: { authorization } });
      assert.equal(response.status, 200);
      return (await response.json()) as {
        totalEvents: number;
        days: { date: string; events: number; activeLearners: number }[];
      };
    };
    const report = await waitFor('all statements in the rollup', async () => {
      const current = await read();
      return current.totalEvents >= STATEMENTS ? current : undefined;
    });
    assert.equal(report.totalEvents, STATEMENTS);
    const byDay = new Map(report.days.map((d) => [d.date, d]));
    assert.equal(byDay.get(from)?.events, STATEMENTS / 3);
    assert.equal(byDay.get(to)?.events, (STATEMENTS * 2) / 3);
    assert.equal(byDay.get(to)?.activeLearners, 40);
    // A little later the count has not grown: nothing was written twice.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal((await read()).totalEvents, STATEMENTS);
  });

  it('does not show the course to another tenant', async () => {
    const response = await fetch(
      `http://${env.HTTP_HOST}:${env.ANALYTICS_API_PORT}/v1/courses/x/activity`,
      { headers: { authorization: basicAuthHeader('someone-else', 'wrong-secret-value') } },
    );
    assert.equal(response.status, 401);
  });
});
