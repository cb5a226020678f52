export { runDemoStream } from './demo-stream';
export type { DemoStreamOptions, DemoStreamResult } from './demo-stream';
export { DemoSimulation, generateDemoStatements } from './demo-simulation';
export type { DemoOptions } from './demo-simulation';
export { createDemoCohort } from './demo-cohort';
export type { DemoLearner } from './demo-cohort';
export {
  ACTIVITY_TYPES,
  DEMO_COURSES,
  DEMO_PLATFORM,
  LMS_HOME_PAGE,
  VERBS,
} from './demo-catalogue';
export type { DemoCourse, DemoModule } from './demo-catalogue';
export type { DemoStatement } from './demo-statement.types';
export { DemoSendError } from './statement-sender';
export type { DemoLogger } from './statement-sender';
export { SeededRandom } from './seeded-random';
