#!/usr/bin/env node
// Entry of `npm test` and of each project's nx test target; the runner itself is compiled TypeScript.
// The project pins Node 24 through the `node` dev dependency; npm scripts and npx put it first
// on PATH. An older node found elsewhere would fail in obscure ways, so say so plainly.
if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(
    `Node ${process.versions.node} is too old; run this through npm or npx (they use the project's Node 24).`,
  );
  process.exit(1);
}
require('../dist/src/run-tests.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
