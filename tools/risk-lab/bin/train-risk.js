#!/usr/bin/env node
// Trains the @learnpulse/risk model on an OULAD folder (compiled TypeScript; `npm run build` first).
require('../dist/src/train-risk.main.js')
  .main(process.argv)
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
