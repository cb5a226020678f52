/**
 * Where a V8 CPU profile (`node --cpu-prof`) spends its time, by component: self time (the
 * function on top of the stack) and inclusive time (the component anywhere on the stack).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { print } from './bench-support';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The component a frame belongs to, from its script URL (first match wins). */
const COMPONENTS: readonly [string, RegExp][] = [
  ['kafkajs', /node_modules\/kafkajs\//],
  ['avsc (Avro)', /node_modules\/avsc\//],
  [
    'fastify + deps',
    /node_modules\/(fastify|@fastify|find-my-way|light-my-request|avvio|fast-json|secure-json)/,
  ],
  ['NestJS', /node_modules\/@nestjs\//],
  ['pino', /node_modules\/(pino|sonic-boom|thread-stream)/],
  ['zod', /node_modules\/zod\//],
  ['ClickHouse client + chdb', /node_modules\/(chdb|@clickhouse)\//],
  ['libs/xapi (validation, normalise, event mapping)', /libs\/xapi\//],
  ['libs/events (stored statement, Avro codec)', /libs\/events\//],
  ['libs/kafka (ReliableProducer)', /libs\/kafka\//],
  ['libs/auth', /libs\/auth\//],
  ['libs/clickhouse', /libs\/clickhouse\//],
  ['libs/observability', /libs\/observability\//],
  ['gateway statements/ (write use case)', /xapi-gateway\/dist\/src\/statements\//],
  ['gateway http/ (protocol hooks)', /xapi-gateway\/dist\/src\/http\//],
  ['gateway store/', /xapi-gateway\/dist\/src\/store\//],
  ['gateway attachments/', /xapi-gateway\/dist\/src\/attachments\//],
  ['gateway (other)', /xapi-gateway\//],
  ['cli import pipeline (readers, batches, manifest)', /tools\/cli\/dist\/src\/import\//],
  ['libs/mappers', /libs\/mappers\//],
  ['other node_modules', /node_modules\//],
  ['node internals (net, http, streams)', /^node:/],
];

function componentOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return '(program: native, not attributed)';
    if (functionName === 'parse' || functionName === 'stringify') return 'JSON.parse/stringify';
    return `native builtins`;
  }
  for (const [name, pattern] of COMPONENTS) if (pattern.test(url)) return name;
  return 'other';
}

export interface ProfileBreakdown {
  totalMs: number;
  /** Component → [self ms, inclusive ms], descending by inclusive. */
  components: [string, number, number][];
  /** Hottest functions by self time. */
  functions: [string, number][];
}

export function analyseCpuProfile(file: string, topFunctions = 20): ProfileBreakdown {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });

  const stackComponents = new Map<number, Set<string>>();
  const componentsOnStack = (id: number): Set<string> => {
    const cached = stackComponents.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const parentId = parent.get(id);
    const set = new Set(parentId === undefined ? [] : componentsOnStack(parentId));
    // The root frame is on every stack and belongs to no component.
    if (node !== undefined && node.callFrame.functionName !== '(root)') set.add(componentOf(node));
    stackComponents.set(id, set);
    return set;
  };

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node === undefined) continue;
    total += us;
    const component = componentOf(node);
    self.set(component, (self.get(component) ?? 0) + us);
    for (const c of componentsOnStack(id)) inclusive.set(c, (inclusive.get(c) ?? 0) + us);
    const { functionName, url, lineNumber } = node.callFrame;
    const where =
      url === ''
        ? ''
        : ` ${url.replace(/^.*\/(node_modules|libs|apps|tools)\//, '$1/')}:${lineNumber + 1}`;
    const label = `${functionName === '' ? '(anonymous)' : functionName}${where}`;
    functions.set(label, (functions.get(label) ?? 0) + us);
  }
  return {
    totalMs: total / 1000,
    components: [...inclusive.keys()]
      .map((c): [string, number, number] => [
        c,
        (self.get(c) ?? 0) / 1000,
        (inclusive.get(c) ?? 0) / 1000,
      ])
      .sort((a, b) => b[2] - a[2]),
    functions: [...functions.entries()]
      .map(([label, us]): [string, number] => [label, us / 1000])
      .sort((a, b) => b[1] - a[1])
      .slice(0, topFunctions),
  };
}

/**
 * Reads the `.cpuprofile`s a `--cpu-prof-dir=<profileDir>` process wrote (one per thread) and prints each
 * one's breakdown: `<title>, <thread>: N s sampled`, the components, the hottest functions.
 */
export function printCpuProfile(profileDir: string, title: string): void {
  // One file per thread: CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile, main thread 0.
  const files = readdirSync(profileDir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ name, thread: Number(name.split('.').at(-3)) }))
    .sort((a, b) => a.thread - b.thread);
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${profileDir}`);
  for (const file of files) {
    const thread = file.thread === 0 ? 'main thread' : `worker thread ${file.thread}`;
    printOneProfile(path.join(profileDir, file.name), `${title}, ${thread}`);
  }
}

function printOneProfile(file: string, title: string): void {
  const breakdown = analyseCpuProfile(file);
  print(`${title}: ${(breakdown.totalMs / 1000).toFixed(1)} s sampled`);
  print('  component                                         self ms  incl. ms  incl. %');
  for (const [component, self, inclusive] of breakdown.components) {
    print(
      `  ${component.padEnd(48)} ${self.toFixed(0).padStart(8)} ${inclusive.toFixed(0).padStart(9)} ${((100 * inclusive) / breakdown.totalMs).toFixed(1).padStart(7)}`,
    );
  }
  print('  hottest functions (self ms):');
  for (const [label, self] of breakdown.functions)
    print(`  ${self.toFixed(0).padStart(8)}  ${label}`);
}
