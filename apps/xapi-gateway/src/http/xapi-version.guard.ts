/**
 * Refuses xAPI requests whose X-Experience-API-Version names a version this LRS does not
 * speak. A missing header is accepted for now; the full protocol rules come with conformance.
 */
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { isSupportedXapiVersion } from '@learnpulse/xapi';
import type { FastifyRequest } from 'fastify';
import { UnsupportedXapiVersionError } from './http.errors';

export const XAPI_VERSION_HEADER = 'x-experience-api-version';

@Injectable()
export class XapiVersionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest<FastifyRequest>().headers[XAPI_VERSION_HEADER];
    if (given === undefined) return true;
    const version = Array.isArray(given) ? given.join(',') : given;
    if (!isSupportedXapiVersion(version.trim())) throw new UnsupportedXapiVersionError(version);
    return true;
  }
}
