/** The `learnpulse` command line. */
import { Command, Option } from 'commander';
import {
  credentialAddCommand,
  credentialHashCommand,
  credentialListCommand,
  credentialRevokeCommand,
} from './commands/credential.command';
import { demoCommand } from './commands/demo.command';
import { IMPORT_EXIT_USAGE, importCommand } from './commands/import.command';
import { riskEvaluateCommand } from './commands/risk.command';
import { learnerEraseCommand, learnerExportCommand } from './commands/learner.command';
import { serveCommand } from './commands/serve.command';
import { sqlUserCreateCommand, sqlUserDropCommand } from './commands/sql-user.command';
import { stackDownCommand, stackStatusCommand, stackUpCommand } from './commands/stack.command';
import { startCommand } from './commands/start.command';
import { tenantCreateCommand, tenantListCommand } from './commands/tenant.command';
import {
  webhookAddCommand,
  webhookListCommand,
  webhookRemoveCommand,
} from './commands/webhook.command';

export async function main(argv: string[]): Promise<void> {
  const program = new Command('learnpulse')
    .description('real-time learning analytics')
    .showHelpAfterError();

  program
    .command('start')
    .description('local stack, all services, demo stream (what `npm start` runs)')
    .action(startCommand);

  program
    .command('serve')
    .argument('[apps...]', 'services to run in this process (default: all)')
    .description('run services in this process')
    .action(serveCommand);

  const stack = program
    .command('stack')
    .description('the local Kafka broker and ClickHouse folder');
  stack
    .command('up')
    .description('start (fetching Kafka on first use) and create topics')
    .action(stackUpCommand);
  stack.command('down').description('stop the broker this stack started').action(stackDownCommand);
  stack.command('status').description('what is running').action(stackStatusCommand);

  program
    .command('demo')
    .description('send the demo stream to a running xAPI gateway')
    .option('--url <url>', 'gateway origin (default from XAPI_GATEWAY_PORT)')
    .option('--days <n>', 'days of backlog to send first', '28')
    .option('--rate <n>', 'live statements per second afterwards', '2')
    .action(demoCommand);

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
    .action(importCommand);

  const credential = program.command('credential').description('tenant credentials');
  credential
    .command('hash')
    .description('read a secret on stdin, print a TENANT_CREDENTIALS entry')
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .requiredOption('--key <key>', 'credential key (the HTTP Basic user name)')
    .action(credentialHashCommand);
  credential
    .command('add')
    .description('add a credential to a tenant; prints key and secret once')
    .requiredOption('--tenant <tenant>', 'tenant slug (create it first with `tenant create`)')
    .option('--key <key>', 'credential key (default: <tenant>-<random>)')
    .option('--scopes <scopes>', 'comma-separated xAPI scopes', 'all')
    .action(credentialAddCommand);
  credential
    .command('revoke')
    .description('revoke a credential; refused from the next request on')
    .requiredOption('--key <key>', 'credential key')
    .action(credentialRevokeCommand);
  credential
    .command('list')
    .description('credentials on the tenancy topic (no secrets)')
    .option('--tenant <tenant>', 'only this tenant')
    .action(credentialListCommand);

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
    .action(riskEvaluateCommand);

  const tenant = program.command('tenant').description('tenants (institutions)');
  tenant
    .command('create')
    .argument('<tenant>', 'tenant slug ([a-z0-9_-])')
    .option('--name <name>', 'display name')
    .description('create a tenant')
    .action(tenantCreateCommand);
  tenant.command('list').description('tenants on the tenancy topic').action(tenantListCommand);

  const webhook = program
    .command('webhook')
    .description('webhook subscriptions of a tenant (risk alerts, signed)');
  webhook
    .command('add')
    .description("subscribe a URL to a tenant's risk alerts; prints the signing secret once")
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .requiredOption('--url <url>', 'http(s) URL the alerts are POSTed to')
    .option('--min-level <level>', 'lowest level to alert on: low | medium | high', 'medium')
    .action(webhookAddCommand);
  webhook
    .command('list')
    .description('webhook subscriptions (no secrets)')
    .option('--tenant <tenant>', 'only this tenant')
    .action(webhookListCommand);
  webhook
    .command('remove')
    .argument('<id>', 'subscription id (wh_...)')
    .description('stop sending alerts to a subscription')
    .action(webhookRemoveCommand);
  const sqlUser = program
    .command('sql-user')
    .description('read-only ClickHouse users for tenant SQL (needs CLICKHOUSE_URL)');
  sqlUser
    .command('create')
    .description('create or replace the tenant user with row policies; prints the password once')
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .action(sqlUserCreateCommand);
  sqlUser
    .command('drop')
    .description('drop the tenant user and its row policies')
    .requiredOption('--tenant <tenant>', 'tenant slug')
    .action(sqlUserDropCommand);
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
    .action(learnerEraseCommand);
  learnerOptions(
    learner.command('export').description('everything held about the learner, as JSON'),
  )
    .option('--out <file>', 'write to this file (mode 600) instead of stdout')
    .action(learnerExportCommand);

  await program.parseAsync(argv);
}
