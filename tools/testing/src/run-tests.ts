/**
 * Runs the compiled specs of the whole repo (or of the project folders given) with node:test,
 * around one shared stack started by the global setup, and ends with "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const projectGroups = ['libs', 'apps', 'tools'];

function listProjects(): string[] {
  return projectGroups.flatMap((group) => {
    const dir = path.join(workspaceRoot, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => path.join(dir, name))
      .filter((p) => statSync(p).isDirectory());
  });
}

function findSpecs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findSpecs(full);
    return entry.name.endsWith('.spec.js') ? [full] : [];
  });
}

export async function main(args: string[]): Promise<number> {
  const projects =
    args.length > 0 ? args.map((a) => path.resolve(workspaceRoot, a)) : listProjects();
  // Unit specs first so a broken rule shows up before the slower integration runs.
  const specs = projects
    .flatMap((project) => findSpecs(path.join(project, 'dist')))
    .sort(
      (a, b) => Number(a.includes('/test/')) - Number(b.includes('/test/')) || a.localeCompare(b),
    );
  if (specs.length === 0) {
    process.stdout.write('0 passed, 0 failed\n');
    return args.length > 0 ? 0 : 1;
  }
  const here = path.join(__dirname);
  const nodeArgs = [
    '--test',
    `--test-global-setup=${path.join(here, 'global-setup.js')}`,
    `--test-concurrency=${process.env.TEST_CONCURRENCY ?? '2'}`,
    '--test-timeout=300000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(here, 'summary-reporter.js')}`,
    '--test-reporter-destination=stdout',
    ...specs,
  ];
  // A whole-repo run stops the broker it started. Per-project runs (Nx runs several at once)
  // leave it up for each other, as a dev server; `npm run stack:down` stops it.
  const env = { ...process.env, LEARNPULSE_TEST_KEEP_STACK: args.length > 0 ? '1' : '0' };
  const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit', cwd: workspaceRoot, env });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      resolve(code ?? 1);
    }),
  );
}
