/**
 * Lets a request through only with a valid Caliper bearer token; records the caller on the
 * request (`request.credential`, `request.tenant`) like BasicAuthGuard, so the same decorators work.
 */
import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { TenantRequest } from './basic-auth.guard';
import { parseBearerAuthorization } from './bearer-token';
import { CaliperTokenStore } from './caliper-token-store';

@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(private readonly tokens: CaliperTokenStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<TenantRequest>();
    const token = parseBearerAuthorization(request.headers.authorization);
    const credential = token === null ? null : await this.tokens.authenticate(token);
    if (credential === null) {
      void http
        .getResponse<FastifyReply>()
        .header(
          'WWW-Authenticate',
          token === null
            ? 'Bearer realm="learnpulse"'
            : 'Bearer realm="learnpulse", error="invalid_token"',
        );
      throw new UnauthorizedException(
        token === null ? 'a Bearer token is required' : 'unknown or wrong Bearer token',
      );
    }
    request.credential = credential;
    request.tenant = credential.tenant;
    return true;
  }
}
