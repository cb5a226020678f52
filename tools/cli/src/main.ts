/** The `learnpulse` command line. */
import { Command, Option } from 'commander';
import { IMPORT_EXIT_USAGE } from './commands/import-exit-codes';

/**
 * An action whose command module is loaded only when it runs: `serve` alone pulls in every
 * app, NestJS and the embedded engine, which cost every other command ~0.2 s of start.
 */
function lazy<Module>(
  load: () => Promise<Module>,
  name: keyof Module,
): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const action = (await load())[name] as (...actionArgs: unknown[]) => unknown;
    await action(...args);
  };
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command('learnpulse')
    .description('real-time learning analytics')
    .showHelpAfterError();

  program
    .command('start')
    .description('local stack, all services, demo stream (what `npm start` runs)')
    .action(lazy(() => import('./commands/start.command.js'), 'startCommand'));

  program
    .command('serve')
    .argument('[apps...]', 'services to run in this process (default: all)')
    .description('run services in this process')
    .action(lazy(() => import('./commands/serve.command.js'), 'serveCommand'));

  const stack = program
    .command('stack')
    .description('the local Kafka broker and ClickHouse folder');
  stack
    .command('up')
    .description('start (fetching Kafka on first use) and create topics')
    .action(lazy(() => import('./commands/stack.command.js'), 'stackUpCommand'));
  stack
    .command('down')
    .description('stop the broker this stack started')
    .action(lazy(() => import('./commands/stack.command.js'), 'stackDownCommand'));
  stack
    .command('status')
    .description('what is running')
    .action(lazy(() => import('./commands/stack.command.js'), 'stackStatusCommand'));

  program
    .command('demo')
    .description('send the demo stream to a running xAPI gateway')
    .option('--url <url>', 'gateway origin (default from XAPI_GATEWAY_PORT)')
    .option('--days <n>', 'days of backlog to send first', '28')
    .option('--rate <n>', 'live statements per second afterwards', '2')
    .action(lazy(() => import('./commands/demo.command.js'), 'demoCommand'));

  program
    .command('import')
    .description(
      'import files onto Kafka: xAPI statements, Open edX tracking logs, Caliper, CSV tables (resumable, see README)',
    )
    .argument('<format>', 'xapi | edx | caliper | csv')
    .argument('<inputs...>', 'files or folders (.ndjson .jsonl .log .json .csv, + .gz, + .gpg)')
    .option('--tenant <tenant>', 'tenant the records belong to (default: DEMO_TENANT)')
    .option('--report <file>', 'NDJSON report of rejected records')
    .option('--manifest <file>', 'import manifest (default: $LEARNPULSE_HOME/import-manifest.json)')
    .option('--format <dialect>', 'csv: the dialect of the tables (oulad)')
    .option('--start-date <YYYY-MM-DD>', 'csv --format oulad: the calendar date of day 0')
    .option('--batch-size <n>', 'source records per Kafka batch (default 1000)')
    .option('--workers <n>', 'threads that map records (default: one per core; 0: none)')
    // A usage mistake exits 2 (rejected records exit 1), so scripts can tell them apart.
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : IMPORT_EXIT_USAGE);
    })
    .action(lazy(() => import('./commands/import.command.js'), 'importCommand'));

  const credential = program.command('credential').description('tenant credentials');
  credential
    .command('hash')
    .description('read a secret on stdin, print a TENANT_CREDENTIALS entry')
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .requiredOption('--key <key>', 'credential key (the HTTP Basic user name)')
    .action(lazy(() => import('./commands/credential.command.js'), 'credentialHashCommand'));
  credential
    .command('add')
    .description('add a credential to a tenant; prints key and secret once')
    .requiredOption('--tenant <tenant>', 'tenant slug (create it first with `tenant create`)')
    .option('--key <key>', 'credential key (default: <tenant>-<random>)')
    .option('--scopes <scopes>', 'comma-separated xAPI scopes', 'all')
    .action(lazy(() => import('./commands/credential.command.js'), 'credentialAddCommand'));
  credential
    .command('revoke')
    .description('revoke a credential; refused from the next request on')
    .requiredOption('--key <key>', 'credential key')
    .action(lazy(() => import('./commands/credential.command.js'), 'credentialRevokeCommand'));
  credential
    .command('list')
    .description('credentials on the tenancy topic (no secrets)')
    .option('--tenant <tenant>', 'only this tenant')
    .action(lazy(() => import('./commands/credential.command.js'), 'credentialListCommand'));

  const risk = program.command('risk').description('learner-risk model');
  risk
    .command('evaluate')
    .description(
      'replay an OULAD folder, score learners as of a cutoff, print AUC, write predictions',
    )
    .requiredOption('--data <folder>', 'OULAD tables (.csv or .csv.gz)')
    .option('--cutoff-day <D>', 'score as of day D of each presentation')
    .option('--cutoff <P%>', "score as of P% of each presentation's length")
    .option('--out <file>', 'predictions CSV', 'predictions.csv')
    .option('--infer-deadlines', 'infer due dates from the cohort instead of assessments.csv')
    .action(lazy(() => import('./commands/risk.command.js'), 'riskEvaluateCommand'));

  const tenant = program.command('tenant').description('tenants (institutions)');
  tenant
    .command('create')
    .argument('<tenant>', 'tenant slug ([a-z0-9_-])')
    .option('--name <name>', 'display name')
    .description('create a tenant')
    .action(lazy(() => import('./commands/tenant.command.js'), 'tenantCreateCommand'));
  tenant
    .command('list')
    .description('tenants on the tenancy topic')
    .action(lazy(() => import('./commands/tenant.command.js'), 'tenantListCommand'));

  const webhook = program
    .command('webhook')
    .description('webhook subscriptions of a tenant (risk alerts, signed)');
  webhook
    .command('add')
    .description("subscribe a URL to a tenant's risk alerts; prints the signing secret once")
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .requiredOption('--url <url>', 'http(s) URL the alerts are POSTed to')
    .option('--min-level <level>', 'lowest level to alert on: low | medium | high', 'medium')
    .action(lazy(() => import('./commands/webhook.command.js'), 'webhookAddCommand'));
  webhook
    .command('list')
    .description('webhook subscriptions (no secrets)')
    .option('--tenant <tenant>', 'only this tenant')
    .action(lazy(() => import('./commands/webhook.command.js'), 'webhookListCommand'));
  webhook
    .command('remove')
    .argument('<id>', 'subscription id (wh_...)')
    .description('stop sending alerts to a subscription')
    .action(lazy(() => import('./commands/webhook.command.js'), 'webhookRemoveCommand'));
  const sqlUser = program
    .command('sql-user')
    .description('read-only ClickHouse users for tenant SQL (needs CLICKHOUSE_URL)');
  sqlUser
    .command('create')
    .description('create or replace the tenant user with row policies; prints the password once')
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .action(lazy(() => import('./commands/sql-user.command.js'), 'sqlUserCreateCommand'));
  sqlUser
    .command('drop')
    .description('drop the tenant user and its row policies')
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .action(lazy(() => import('./commands/sql-user.command.js'), 'sqlUserDropCommand'));
  const learner = program.command('learner').description('GDPR requests about one learner');
  const learnerOptions = (command: Command): Command =>
    command
      .requiredOption('--tenant <tenant>', 'tenant slug')
      .requiredOption(
        '--learner <id>',
        'mailto:<email>, account:<homePage>|<name>, an edX user id, a Caliper IRI, oulad:<id>, or the pseudonym',
      )
      .option('--operator <name>', 'who asks, for the audit (default: OS user@host)')
      .addOption(
        new Option('--via <route>', 'api: the running analytics-api; direct: ClickHouse itself')
          .choices(['auto', 'api', 'direct'])
          .default('auto'),
      )
      .option('--url <url>', 'analytics-api origin (default from HTTP_HOST, ANALYTICS_API_PORT)');
  learnerOptions(
    learner
      .command('erase')
      .description(
        'remove the learner from every table, rollup and the statement store; tombstones; audit',
      ),
  )
    .option('--json', 'print the report as JSON')
    .action(lazy(() => import('./commands/learner.command.js'), 'learnerEraseCommand'));
  learnerOptions(
    learner.command('export').description('everything held about the learner, as JSON'),
  )
    .option('--out <file>', 'write to this file (mode 600) instead of stdout')
    .action(lazy(() => import('./commands/learner.command.js'), 'learnerExportCommand'));

  await program.parseAsync(argv);
}
