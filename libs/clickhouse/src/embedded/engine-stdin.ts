/**
 * chdb reads the host process's stdin as external data for every INSERT (chdb-io/chdb-core
 * #239; the probe is ClickHouse's, see ClickHouse/ClickHouse#96494): with anything on a piped
 * stdin, an INSERT with inline rows fails ("Processing async inserts with both inlined and
 * external data ... is not supported") or, with async inserts off, stores the piped bytes as
 * rows; when the probe loses a race for the data it blocks in read(0) forever. A service
 * started by a supervisor, a CI job or `kubectl -i` can have such a stdin, and the sink would
 * retry the failing batch for ever (seen in a CI run: every insert of one writer hung).
 *
 * So before the engine runs anything, a stdin that is not a terminal is pointed at /dev/null:
 * nothing in a process that opens the embedded engine reads stdin. (A terminal is left alone:
 * ClickHouse never takes a terminal as INSERT data.)
 */
import { closeSync, openSync } from 'node:fs';
import { isatty } from 'node:tty';

const STDIN_FD = 0;

export interface StdinDetachment {
  /** True when fd 0 was replaced by /dev/null. */
  detached: boolean;
}

let detachedOnce: StdinDetachment | undefined;

/** Points a non-terminal fd 0 at /dev/null, once per process. */
export function detachStdinFromEngine(): StdinDetachment {
  if (detachedOnce !== undefined) return detachedOnce;
  if (isatty(STDIN_FD)) {
    detachedOnce = { detached: false };
    return detachedOnce;
  }
  try {
    closeSync(STDIN_FD);
  } catch {
    // fd 0 was already closed: the open below takes it.
  }
  // POSIX gives open() the lowest free descriptor: 0, just closed.
  const fd = openSync('/dev/null', 'r');
  if (fd !== STDIN_FD) {
    closeSync(fd);
    throw new Error(`could not point stdin at /dev/null (got fd ${String(fd)})`);
  }
  detachedOnce = { detached: true };
  return detachedOnce;
}
