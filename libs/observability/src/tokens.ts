/** Injection tokens of the observability module. */
export const LOGGER = Symbol('learnpulse.logger');
export const METRICS = Symbol('learnpulse.metrics');
export const READINESS_CHECKS = Symbol('learnpulse.readiness-checks');
export const OBSERVABILITY_OPTIONS = Symbol('learnpulse.observability-options');

/** One dependency the app needs before it can take traffic; `check` rejects when it is down. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}
