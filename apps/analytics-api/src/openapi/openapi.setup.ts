/**
 * The OpenAPI document of analytics-api, built from the controllers' decorators and served
 * without credentials: Swagger UI at /docs, the JSON at /docs-json (YAML at /docs-yaml).
 */
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TENANT_AUTH } from './openapi.decorators';

export const DOCS_PATH = 'docs';

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('learnpulse analytics API')
    .setDescription(
      'Reports from the ClickHouse rollups, learner timelines and read-only SQL, for the tenant of the credential (never a tenant named in the request).',
    )
    .setVersion('1')
    .addBasicAuth(
      { type: 'http', scheme: 'basic', description: 'a tenant credential (key and secret)' },
      TENANT_AUTH,
    )
    .build();
  return describeServiceRoutes(SwaggerModule.createDocument(app, config));
}

/** Health and metrics come from @learnpulse/observability, undecorated: describe them here. */
function describeServiceRoutes(document: OpenAPIObject): OpenAPIObject {
  const notes: Record<string, [string, string]> = {
    '/health/live': ['health', 'liveness: 200 while the process serves (no credentials)'],
    '/health/ready': [
      'health',
      'readiness: 200 when ClickHouse answers, else 503 (no credentials)',
    ],
    '/metrics': [
      'health',
      'Prometheus metrics with Authorization: Bearer METRICS_TOKEN; 404 without a token',
    ],
  };
  for (const [path, [tag, summary]] of Object.entries(notes)) {
    const operation = document.paths[path]?.get;
    if (operation === undefined) continue;
    operation.tags = [tag];
    operation.summary = summary;
  }
  return document;
}

export function registerOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    yamlDocumentUrl: `${DOCS_PATH}-yaml`,
  });
}
