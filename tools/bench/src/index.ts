export { residentMiB } from './process-memory';
export { runWatched, type WatchedProcess } from './child-process-lines';
