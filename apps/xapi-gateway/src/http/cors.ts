/**
 * CORS for browser-based learning content calling the LRS from another origin. Authentication
 * is an Authorization header the content sets itself (not a cookie), so no credentials mode is
 * needed and `*` is a safe default; XAPI_CORS_ORIGINS narrows it to a list of origins.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Experience-API-Version',
  'If-Match',
  'If-None-Match',
  'Accept-Language',
  'X-Request-Id',
];

export const CORS_EXPOSED_HEADERS = [
  'X-Experience-API-Version',
  'X-Experience-API-Consistent-Through',
  'Last-Modified',
  'ETag',
  'Content-Type',
  'X-Request-Id',
];

export function enableXapiCors(app: NestFastifyApplication, origins: readonly string[]): void {
  app.enableCors({
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 86_400,
  });
}
