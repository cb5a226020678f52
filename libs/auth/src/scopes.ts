/**
 * xAPI's authorization scopes on a credential and the one rule that reads them: `all` allows
 * everything, and any read scope (`statements/read/mine`, `all/read`) passes a read requirement;
 * with `statements/read/mine` alone the store then returns only the caller's own statements.
 */
import { CREDENTIAL_SCOPES, type CredentialScope } from '@learnpulse/config';

export type Scope = CredentialScope;

export const SCOPES: readonly Scope[] = CREDENTIAL_SCOPES;

/** The authenticated caller of a request: whose data it may touch, and how. */
export interface Credential {
  tenant: string;
  key: string;
  scopes: readonly Scope[];
}

const STATEMENT_READS: ReadonlySet<Scope> = new Set([
  'statements/read',
  'statements/read/mine',
  'all/read',
]);

function satisfies(granted: readonly Scope[], required: Scope): boolean {
  if (granted.includes(required)) return true;
  if (required === 'statements/read' || required === 'statements/read/mine') {
    return granted.some((scope) => STATEMENT_READS.has(scope));
  }
  return false;
}

/** True when `granted` holds `all` or satisfies at least one of `required` (or nothing is required). */
export function hasAnyScope(granted: readonly Scope[], required: readonly Scope[]): boolean {
  if (required.length === 0 || granted.includes('all')) return true;
  return required.some((scope) => satisfies(granted, scope));
}

/** True when the credential may read only the statements it wrote itself (`statements/read/mine`). */
export function readsOnlyOwnStatements(scopes: readonly Scope[]): boolean {
  return (
    scopes.includes('statements/read/mine') &&
    !scopes.some((scope) => scope === 'all' || scope === 'all/read' || scope === 'statements/read')
  );
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** "statements/write,statements/read" (or "+"-separated) → scopes; throws naming the valid ones. */
export function parseScopes(text: string): Scope[] {
  const parts = text
    .split(/[,+]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const unknown = parts.filter((part) => !isScope(part));
  if (unknown.length > 0 || parts.length === 0) {
    throw new Error(
      `unknown scope ${unknown.length > 0 ? unknown.join(', ') : '(none given)'}; valid: ${SCOPES.join(', ')}`,
    );
  }
  return [...new Set(parts as Scope[])];
}
