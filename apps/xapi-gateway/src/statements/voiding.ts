/** Voiding (xAPI Data 2.3.2): a statement with the reserved verb `voided` and a StatementRef. */

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id (lower case) of the statement `statement` voids, or null when it voids nothing. */
export function voidedTargetId(statement: unknown): string | null {
  if (!isObject(statement) || !isObject(statement.verb) || !isObject(statement.object)) {
    return null;
  }
  const { verb, object } = statement;
  if (verb.id !== VOIDED_VERB || object.objectType !== 'StatementRef') return null;
  return typeof object.id === 'string' ? object.id.toLowerCase() : null;
}

export function isVoidingStatement(statement: unknown): boolean {
  return voidedTargetId(statement) !== null;
}
