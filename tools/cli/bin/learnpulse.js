#!/usr/bin/env node
// `npx learnpulse ...`: the command itself is compiled TypeScript (built by `npm ci` / `npm run build`).
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
