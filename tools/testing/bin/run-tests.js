#!/usr/bin/env node
// Entry of `npm test` and of each project's nx test target; the runner itself is compiled TypeScript.
require('../dist/src/run-tests.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
