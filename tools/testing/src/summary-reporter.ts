/**
 * node:test reporter that ends the run with the plain line CI reads:
 * "N passed, N failed" (", N skipped" when some were skipped).
 */
import type { TestEvent } from 'node:test/reporters';

interface TestEventData {
  details?: { type?: string; error?: { failureType?: string } };
  skip?: boolean | string;
  todo?: boolean | string;
}

async function* summaryReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data as TestEventData;
    // Suites report too; count the tests inside them, and a suite only when it failed by
    // itself (a hook threw) rather than because one of its tests did.
    if (data.details?.type === 'suite') {
      if (event.type === 'test:fail' && data.details.error?.failureType !== 'subtestsFailed') {
        failed += 1;
      }
      continue;
    }
    if (data.skip !== undefined || data.todo !== undefined) skipped += 1;
    else if (event.type === 'test:pass') passed += 1;
    else failed += 1;
  }
  yield `\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`;
}

// node --test-reporter loads the module's export itself, so it must be the function (CommonJS).
export = summaryReporter;
