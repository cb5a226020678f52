/** A parsed parameter set, or the 400 naming every broken rule. */
import { badRequest } from './param-error';
import type { QueryResult } from './report-query';

export function must<T>(result: QueryResult<T>): T {
  if (!result.ok) throw badRequest(result.errors);
  return result.value;
}
