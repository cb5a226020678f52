/** The body of POST /admin/v1/learners/{erase,export}: which learner, and who asks. */
import { z } from 'zod';

const requestSchema = z
  .object({
    tenant: z.string({ error: 'is required (a string)' }).min(1, 'must not be empty'),
    learner: z.string({ error: 'is required (a string)' }).min(1, 'must not be empty'),
    requestedBy: z
      .string({ error: 'must be a string' })
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional(),
  })
  .strict();

export type LearnerAdminRequest = z.infer<typeof requestSchema>;

export interface FieldError {
  field: string;
  rule: string;
}

export function parseLearnerAdminRequest(
  body: unknown,
): { ok: true; request: LearnerAdminRequest } | { ok: false; errors: FieldError[] } {
  const parsed = requestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join('.') : 'body',
      rule:
        issue.code === 'unrecognized_keys'
          ? `has unknown fields ${issue.keys.join(', ')} (tenant, learner, requestedBy)`
          : issue.path.length === 0
            ? 'must be a JSON object {tenant, learner, requestedBy?}'
            : issue.message,
    })),
  };
}
