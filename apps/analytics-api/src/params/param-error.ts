/**
 * A broken rule of a request parameter, and the one 400 body every endpoint answers with:
 * `{ statusCode: 400, message: "from: must be ...", errors: [{ param, rule }] }`.
 */
import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** One rule a query parameter broke, e.g. { param: 'from', rule: 'must be a date YYYY-MM-DD' }. */
export interface ParamError {
  param: string;
  rule: string;
}

export function badRequest(errors: ParamError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((e) => `${e.param}: ${e.rule}`).join('; '),
    errors,
  });
}

/** zod issues → ParamErrors; unknown keys get one error each, named by the key. */
export function paramErrorsOf(error: z.ZodError): ParamError[] {
  return error.issues.flatMap((issue): ParamError[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ param: key, rule: issue.message }))
      : // A query parameter is the first path segment (deeper ones are zod's inner steps).
        [{ param: issue.path.length > 0 ? String(issue.path[0]) : 'query', rule: issue.message }],
  );
}
