/**
 * Preloaded into every spec file's process by the runner: once the file's tests are done
 * (or cancelled), the process has a grace period to exit by itself; a client still holding the
 * event loop open after that (a setup that failed half-way, a leaked handle) fails the file
 * instead of holding CI until its deadline (seen: 82 minutes). `--test-force-exit` would exit
 * at once but can cut off the results still buffered for the runner (seen: 45 tests lost).
 * The root `after` hook runs only once the file's own hooks have returned, so a file whose
 * `after` hook hangs (seen: a sink e2e file, 12 minutes) is stopped by a limit on its whole run.
 */
import { after } from 'node:test';

/** Long enough for slow `after` hooks; the runner's own spec sets it short. */
const GRACE_MS = Number(process.env.LEARNPULSE_TEST_EXIT_GRACE_MS ?? 90_000);

/** No spec file takes near this (the slowest take ~5 min); the runner's own spec sets it short. */
const FILE_LIMIT_MS = Number(process.env.LEARNPULSE_TEST_FILE_LIMIT_MS ?? 15 * 60_000);

setTimeout(() => {
  process.stderr.write(
    `${process.argv[1] ?? 'spec file'}: still running ${FILE_LIMIT_MS / 1000} s after it ` +
      'started (a hook or test that never returns); exiting with failure\n',
  );
  process.exit(1);
}, FILE_LIMIT_MS).unref();

after(() => {
  setTimeout(() => {
    process.stderr.write(
      `${process.argv[1] ?? 'spec file'}: still running ${GRACE_MS / 1000} s after its tests ` +
        'ended (an open handle: a client, server or timer not closed); exiting with failure\n',
    );
    process.exit(1);
  }, GRACE_MS).unref();
});
