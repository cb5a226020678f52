// Validation throughput: the real xAPI samples (../shared/fixtures) in POST-sized batches of 100,
// through validateStatementBatch under each version's rules. Build first (npx tsc -b libs/xapi),
// then: npx node libs/xapi/scripts/bench-validate.mjs [seconds per version, default 3]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const {
  validateStatementBatch,
  normaliseStatement,
  lrsAuthority,
} = require('../dist/src/index.js');

const samples = readFileSync(
  path.resolve(here, '../../../../shared/fixtures/xapi/statements.ndjson'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const batches = [];
for (let i = 0; i < 20; i++) {
  batches.push(Array.from({ length: 100 }, (_, j) => samples[(i * 100 + j) % samples.length]));
}
const seconds = Number(process.argv[2] ?? 3);

for (const version of ['2.0.0', '1.0.3']) {
  let statements = 0;
  let errors = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < until) {
    for (const batch of batches) {
      // Statements are fresh per batch in the gateway; ids repeat here, so count only shape errors.
      errors += validateStatementBatch(batch, { version }).filter(
        (e) => !e.rule.startsWith('duplicates'),
      ).length;
      statements += batch.length;
    }
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(
    `validate ${version}: ${Math.round(statements / elapsed)} statements/s (${statements} in ${elapsed.toFixed(1)} s, ${errors} errors)\n`,
  );
}

const authority = lrsAuthority('bench');
let normalised = 0;
const start = process.hrtime.bigint();
const until = start + BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() < until) {
  for (const statement of samples) normaliseStatement(statement, { authority, stored: new Date() });
  normalised += samples.length;
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`normalise: ${Math.round(normalised / elapsed)} statements/s\n`);
