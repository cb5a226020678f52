/**
 * `learnpulse learner erase|export --tenant T --learner L`: GDPR requests for one learner.
 * `--learner` is the identifier the source knows (mailto:…, account:<homePage>|<name>, an edX
 * user id, a Caliper IRI, oulad:<id>) or the warehouse pseudonym. The request goes through the
 * running analytics-api when it owns the embedded warehouse, else straight to ClickHouse
 * (see gdpr/learner-request.route). Exit 0 done, 1 failed, 2 usage (bad tenant or learner).
 */
import { ConfigError, loadConfig, type Environment } from '@learnpulse/config';
import {
  ErasurePlanError,
  type ErasureReport,
  GdprRequestError,
  type GdprRequester,
  type LearnerExport,
  type LearnerPrivacy,
  MutationError,
} from '@learnpulse/gdpr';
import { writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { AdminApiError, postAdmin } from '../gdpr/admin-api.client';
import { withDirectWarehouse } from '../gdpr/direct-warehouse.session';
import { chooseRoute, RouteError, type RouteChoice } from '../gdpr/learner-request.route';
import { withLocalSecretDefaults } from '../local-secrets';

export const LEARNER_EXIT_USAGE = 2;

export interface LearnerCommandOptions {
  tenant: string;
  learner: string;
  operator?: string;
  via?: string;
  url?: string;
  out?: string;
  json?: boolean;
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function operatorOf(options: LearnerCommandOptions): string {
  if (options.operator !== undefined) return options.operator;
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `unknown@${hostname()}`;
  }
}

function routeChoice(via: string | undefined): RouteChoice {
  // commander has checked the choices (auto, api, direct).
  return (via ?? 'auto') as RouteChoice;
}

/** Runs the request on the chosen route and says which one it took. */
async function request<T>(
  env: Environment,
  options: LearnerCommandOptions,
  path: string,
  direct: (privacy: LearnerPrivacy, requester: GdprRequester) => Promise<T>,
): Promise<{ result: T; route: string }> {
  const route = await chooseRoute(env, routeChoice(options.via), options.url);
  const operator = operatorOf(options);
  if (route.kind === 'admin-api') {
    const result = await postAdmin<T>(route.baseUrl, route.token, path, {
      tenant: options.tenant,
      learner: options.learner,
      requestedBy: operator,
    });
    return { result, route: `analytics-api ${route.baseUrl}` };
  }
  const result = await withDirectWarehouse(env, (privacy) =>
    direct(privacy, { by: operator, via: 'cli' }),
  );
  return {
    result,
    route: env.CLICKHOUSE_URL === undefined ? 'embedded ClickHouse' : 'ClickHouse server',
  };
}

export function eraseLearner(
  options: LearnerCommandOptions,
  env: Environment,
): Promise<{ result: ErasureReport; route: string }> {
  return request(env, options, '/admin/v1/learners/erase', (privacy, requester) =>
    privacy.erase(options.tenant, options.learner, requester),
  );
}

export function exportLearner(
  options: LearnerCommandOptions,
  env: Environment,
): Promise<{ result: LearnerExport; route: string }> {
  return request(
    env,
    options,
    '/admin/v1/learners/export',
    async (privacy, requester) =>
      (await privacy.export(options.tenant, options.learner, requester)).document,
  );
}

function summary(report: ErasureReport, route: string): string[] {
  const rows = Object.entries(report.deleted)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => `${table} ${String(count)}`);
  const rollups = Object.entries(report.recomputed)
    .filter(([, recount]) => recount.removed > 0)
    .map(
      ([table, recount]) =>
        `${table} (${String(recount.removed)} rows -> ${String(recount.inserted)})`,
    );
  return [
    `erased learner ${report.pseudonyms.join(', ')} of tenant ${report.tenant} (via ${route})`,
    `  rows deleted: ${rows.length > 0 ? rows.join(', ') : 'none'}`,
    `  rollups recomputed: ${rollups.length > 0 ? rollups.join(', ') : 'none affected'}`,
    `  tombstones: ${String(report.tombstones.keys)} on ${report.tombstones.topics.join(', ') || 'no topic'}`,
    `  erasure notices for running services: ${String(report.notices)}`,
    `  audit: gdpr_audit ${report.auditId}`,
  ];
}

async function handled(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const usage =
      error instanceof GdprRequestError ||
      error instanceof ConfigError ||
      (error instanceof AdminApiError && error.status === 400);
    const known =
      error instanceof RouteError ||
      error instanceof AdminApiError ||
      error instanceof ErasurePlanError ||
      error instanceof MutationError;
    if (usage || known) {
      process.stderr.write(`learnpulse learner: ${error.message}\n`);
      process.exitCode = usage ? LEARNER_EXIT_USAGE : 1;
      return;
    }
    throw error;
  }
}

export async function learnerEraseCommand(options: LearnerCommandOptions): Promise<void> {
  await handled(async () => {
    const { result, route } = await eraseLearner(options, loadConfig(withLocalSecretDefaults()));
    if (options.json === true) say(JSON.stringify(result, null, 2));
    else for (const line of summary(result, route)) say(line);
  });
}

export async function learnerExportCommand(options: LearnerCommandOptions): Promise<void> {
  await handled(async () => {
    const { result, route } = await exportLearner(options, loadConfig(withLocalSecretDefaults()));
    const text = `${JSON.stringify(result, null, 2)}\n`;
    if (options.out === undefined) {
      process.stdout.write(text);
      return;
    }
    await writeFile(options.out, text, { mode: 0o600 });
    const rows = Object.values(result.tables).reduce((sum, list) => sum + list.length, 0);
    say(
      `exported learner ${result.learner.pseudonyms.join(', ')} of tenant ${result.tenant} (via ${route}) to ${options.out}: ${String(rows)} rows, ${String(result.statements.length)} statements, ${String(result.attachments.length)} attachments`,
    );
  });
}
