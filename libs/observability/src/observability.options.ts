import type { Environment } from '@learnpulse/config';

export interface ObservabilityOptions {
  /** Short app name: used in logs (`app`) and in the default metric labels. */
  app: string;
  env: Environment;
}
