/**
 * Where `learnpulse learner erase|export` runs the request. The embedded ClickHouse folder is
 * owned by one process, so while `npm start` / `learnpulse serve` runs, the request goes to
 * that process's analytics-api (operator token ADMIN_TOKEN); with CLICKHOUSE_URL, or when no
 * service answers, the command opens the warehouse itself.
 */
import type { Environment } from '@learnpulse/config';

export type LearnerRequestRoute =
  | { readonly kind: 'admin-api'; readonly baseUrl: string; readonly token: string }
  | { readonly kind: 'direct' };

export type RouteChoice = 'auto' | 'api' | 'direct';

export class RouteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RouteError';
  }
}

export function analyticsApiUrl(
  env: Pick<Environment, 'HTTP_HOST' | 'ANALYTICS_API_PORT'>,
): string {
  return `http://${env.HTTP_HOST}:${String(env.ANALYTICS_API_PORT)}`;
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health/live`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function chooseRoute(
  env: Pick<Environment, 'HTTP_HOST' | 'ANALYTICS_API_PORT' | 'ADMIN_TOKEN' | 'CLICKHOUSE_URL'>,
  choice: RouteChoice,
  url: string | undefined,
): Promise<LearnerRequestRoute> {
  const baseUrl = (url ?? analyticsApiUrl(env)).replace(/\/+$/, '');
  const viaApi = (): LearnerRequestRoute => {
    if (env.ADMIN_TOKEN === undefined) {
      throw new RouteError(
        `analytics-api at ${baseUrl} owns the warehouse, but ADMIN_TOKEN is not set (npm start keeps its generated one in $LEARNPULSE_HOME/demo-secrets.json)`,
      );
    }
    return { kind: 'admin-api', baseUrl, token: env.ADMIN_TOKEN };
  };
  if (choice === 'api') return viaApi();
  if (choice === 'direct') return { kind: 'direct' };
  if (env.CLICKHOUSE_URL !== undefined) return { kind: 'direct' };
  return (await answers(baseUrl)) ? viaApi() : { kind: 'direct' };
}
