/**
 * The OpenAPI description pieces the controllers share: tenant auth and its errors, the
 * common parameters, and the page envelope. Controllers stay HTTP-only; these are metadata.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiParam, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../params/report-query';

export const TENANT_AUTH = 'tenant';

const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string', description: 'each broken rule as "param: rule", or the reason' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { param: { type: 'string' }, rule: { type: 'string' } },
      },
    },
  },
};

/** HTTP Basic with a tenant credential; the tenant of every answer is the credential's. */
export function ApiTenantAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBasicAuth(TENANT_AUTH),
    ApiResponse({
      status: 401,
      description: 'no or wrong credentials (checked before anything else)',
      schema: ERROR_SCHEMA,
    }),
    ApiResponse({
      status: 403,
      description: 'the credential lacks the scope all/read (or all)',
      schema: ERROR_SCHEMA,
    }),
    ApiResponse({ status: 400, description: 'a parameter broke a rule', schema: ERROR_SCHEMA }),
  );
}

export function ApiErrorResponse(status: number, description: string): MethodDecorator {
  return ApiResponse({ status, description, schema: ERROR_SCHEMA });
}

export function ApiOk(description: string, schema: SchemaObject): MethodDecorator {
  return ApiResponse({ status: 200, description, schema });
}

export const ApiCourseIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'courseId',
    description: 'course IRI, URL-encoded as one path segment (encodeURIComponent)',
    schema: { type: 'string', maxLength: 2048 },
  });

export const ApiLearnerIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'learnerId',
    description: 'learner id as stored (pseudonymised per tenant), URL-encoded',
    schema: { type: 'string', maxLength: 2048 },
  });

export function ApiDayRangeQuery(defaulted: boolean): MethodDecorator {
  const note = defaulted
    ? ' (default: to = today, from = 29 days before to; at most 366 days)'
    : ' (optional)';
  return applyDecorators(
    ApiQuery({
      name: 'from',
      required: false,
      description: `first UTC day, included${note}`,
      schema: { type: 'string', format: 'date' },
    }),
    ApiQuery({
      name: 'to',
      required: false,
      description: 'last UTC day, included',
      schema: { type: 'string', format: 'date' },
    }),
  );
}

export function ApiPagingQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      description: `rows per page, 1-${MAX_LIMIT}`,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description: 'nextCursor of the previous page',
      schema: { type: 'string' },
    }),
  );
}

export function ApiIdQuery(name: string, description: string): MethodDecorator {
  return ApiQuery({
    name,
    required: false,
    description,
    schema: { type: 'string', maxLength: 2048 },
  });
}

const int: SchemaObject = { type: 'integer' };
const num: SchemaObject = { type: 'number' };
const str: SchemaObject = { type: 'string' };
const time: SchemaObject = { type: 'string', format: 'date-time', nullable: true };

export const S = { int, num, str, time };

export function objectOf(properties: Record<string, SchemaObject>): SchemaObject {
  return { type: 'object', required: Object.keys(properties), properties };
}

/** A page: the rows, the cursor of the next page (null on the last), and extra fields. */
export function pageOf(
  item: Record<string, SchemaObject>,
  extra: Record<string, SchemaObject> = {},
): SchemaObject {
  return objectOf({
    ...extra,
    items: { type: 'array', items: objectOf(item) },
    nextCursor: { type: 'string', nullable: true },
  });
}
