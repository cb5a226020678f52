/** Placeholder of the API-first commit: every function not written yet throws this. */
export function notImplemented(name: string, ...inputs: unknown[]): never {
  throw new Error(`@learnpulse/risk: ${name} is not implemented yet (${inputs.length} inputs)`);
}
