/**
 * Runs the compiled specs of the whole repo (or of the project folders given) with node:test,
 * around one shared stack, and ends with "N passed, N failed".
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import summaryReporter from './summary-reporter';
import { downAfterTests, upForTests } from './test-stack';

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
  // A whole-repo run stops the broker it started. Per-project runs (Nx runs several at once)
  // leave it up for each other, as a dev server; `npm run stack:down` stops it.
  const keepStack = args.length > 0;
  const stack = await upForTests();
  try {
    return await runSpecs(specs);
  } finally {
    await downAfterTests(stack, keepStack);
  }
}

/** Runs the spec files, each in its own process, and resolves with the exit code to give. */
function runSpecs(files: string[]): Promise<number> {
  const stream = run({
    files,
    cwd: workspaceRoot,
    concurrency: Number(process.env.TEST_CONCURRENCY ?? '2'),
    timeout: 300_000,
    // A file whose setup failed half-way may keep a Kafka client alive: it gets a grace
    // period after its tests, then fails, rather than holding CI until its deadline.
    execArgv: ['--require', path.join(__dirname, 'exit-when-done.js')],
  });
  let failed = false;
  stream.on('test:fail', (data: { todo?: unknown }) => {
    // A failing todo test does not fail the run (as with `node --test`).
    if (data.todo === undefined) failed = true;
  });
  // The summary line goes last, after everything the spec reporter prints at the end.
  const summary: string[] = [];
  const drained = (output: NodeJS.ReadableStream, onChunk: (chunk: string) => void) =>
    new Promise<void>((resolve, reject) => {
      output.on('data', (chunk: string | Buffer) => {
        onChunk(String(chunk));
      });
      output.on('end', resolve).on('error', reject);
    });
  const printed = Promise.all([
    drained(stream.compose(spec), (chunk) => process.stdout.write(chunk)),
    drained(stream.compose(summaryReporter), (chunk) => summary.push(chunk)),
  ]);
  return printed.then(() => {
    process.stdout.write(summary.join(''));
    return failed ? 1 : 0;
  });
}
