#!/usr/bin/env node
// `npx learnpulse ...`: the command itself is compiled TypeScript (built by `npm ci` / `npm run build`).
// The project pins Node 24 through the `node` dev dependency; npm scripts and npx put it first
// on PATH. An older node found elsewhere would fail in obscure ways, so say so plainly.
if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(
    `Node ${process.versions.node} is too old; run this through npm or npx (they use the project's Node 24).`,
  );
  process.exit(1);
}
const path = require('node:path');
const fs = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'src', 'main.js');
if (!fs.existsSync(compiled)) {
  console.error('learnpulse is not built yet: run `npm run build` in the repository first.');
  process.exit(1);
}
require(compiled)
  .main(process.argv)
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
