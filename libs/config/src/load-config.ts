import type { z } from 'zod';
import { environmentSchema, type Environment } from './environment.schema';

/** Raised when the environment does not satisfy the schema; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(environment)';
    const where = issue.path.length > 1 ? ` (entry ${issue.path.slice(1).join('.')})` : '';
    return `${variable}${where}: ${issue.message}`;
  });
}

/** Parses the environment; throws ConfigError naming each variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const brokersGiven = env.KAFKA_BROKERS !== undefined && env.KAFKA_BROKERS.trim() !== '';
  return { ...parsed.data, KAFKA_EXTERNAL: brokersGiven };
}

/** For a process entry point: a bad configuration stops the process with a clear message. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Environment {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
