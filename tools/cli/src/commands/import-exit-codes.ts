/** Exit code of `learnpulse import` for a usage or configuration error (rejected records exit 1). */
export const IMPORT_EXIT_USAGE = 2;
