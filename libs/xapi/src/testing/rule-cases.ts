/**
 * Test support for the rule specs (not exported from the lib): a valid base statement and a
 * table runner, so each rule gets one accepted and one refused case, under each version it
 * applies to.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type XapiSpecVersion } from '../rules/validation-report';
import { validateStatement } from '../validate-statement';

export const VERSIONS: readonly XapiSpecVersion[] = ['1.0.3', '2.0.0'];

/** A minimal valid statement with `overrides` spread over it (undefined removes a property). */
export function statementWith(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const statement: Record<string, unknown> = {
    id: '0e9c4d5a-1b0a-4f4e-9a6a-3d2b8f1f7c11',
    actor: { objectType: 'Agent', mbox: 'mailto:jane@example.edu' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: { objectType: 'Activity', id: 'https://lms.example/course/42/unit/1' },
    timestamp: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
  return JSON.parse(JSON.stringify(statement)) as Record<string, unknown>;
}

/** `{ context: value }` and the like, as a full statement. */
export function withContext(context: Record<string, unknown>): Record<string, unknown> {
  return statementWith({ context });
}

export function withDefinition(definition: Record<string, unknown>): Record<string, unknown> {
  return statementWith({
    object: { id: 'https://lms.example/q/1', definition },
  });
}

export function errorsOf(input: unknown, version: XapiSpecVersion): string[] {
  return validateStatement(input, { version }).map((e) => `${e.path}: ${e.rule}`);
}

export interface RuleCase {
  /** The rule, as the test name. */
  rule: string;
  valid: unknown;
  invalid: unknown;
  /** The path the refusal must point at (`statement.actor.mbox`). */
  path: string;
  /** Versions the case holds for (both by default). */
  versions?: readonly XapiSpecVersion[];
}

/** One test per case and version: `valid` has no errors, `invalid` has one at `path`. */
export function itChecksRules(cases: readonly RuleCase[]): void {
  for (const { rule, valid, invalid, path, versions = VERSIONS } of cases) {
    for (const version of versions) {
      void it(`${rule} (${version})`, () => {
        assert.deepEqual(errorsOf(valid, version), [], 'valid case refused');
        const errors = validateStatement(invalid, { version });
        assert.ok(
          errors.some((e) => e.path === path),
          `expected an error at ${path}, got ${JSON.stringify(errors)}`,
        );
      });
    }
  }
}
