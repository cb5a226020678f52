/**
 * Route-level check that the request went through version negotiation (the protocol hook does
 * it for every /xapi/ request); on a request that somehow bypassed it, negotiates here.
 */
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MissingXapiVersionError, UnsupportedXapiVersionError } from './http.errors';
import { negotiateXapiVersion, XAPI_VERSION_HEADER } from './xapi-version';

export { XAPI_VERSION_HEADER } from './xapi-version';

@Injectable()
export class XapiVersionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.xapiVersion !== undefined) return true;
    const negotiated = negotiateXapiVersion(request.headers[XAPI_VERSION_HEADER]);
    if (!negotiated.ok) {
      throw negotiated.reason === 'missing'
        ? new MissingXapiVersionError()
        : new UnsupportedXapiVersionError(negotiated.given ?? '');
    }
    request.xapiVersion = negotiated.version;
    return true;
  }
}
