/**
 * Lets a request through only with valid tenant credentials that hold the route's scopes;
 * records the caller on the request (`request.credential`, and `request.tenant` for short).
 */
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseBasicAuthorization } from './basic-auth';
import { CredentialStore } from './credential-store';
import { REQUIRED_SCOPES } from './require-scopes.decorator';
import { type Credential, hasAnyScope, type Scope } from './scopes';

export interface TenantRequest extends FastifyRequest {
  tenant?: string;
  credential?: Credential;
}

@Injectable()
export class BasicAuthGuard implements CanActivate {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<TenantRequest>();
    const given = parseBasicAuthorization(request.headers.authorization);
    const credential =
      given === null ? null : await this.credentials.authenticate(given.key, given.secret);
    if (credential === null) {
      void http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Basic realm="learnpulse"');
      throw new UnauthorizedException(
        given === null ? 'HTTP Basic credentials are required' : 'unknown key or wrong secret',
      );
    }
    const required =
      this.reflector.getAllAndOverride<Scope[] | undefined>(REQUIRED_SCOPES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (!hasAnyScope(credential.scopes, required)) {
      throw new ForbiddenException(
        `this credential may not do that: it needs ${required.length === 1 ? 'the scope' : 'one of the scopes'} ${required.join(', ')} (it has ${credential.scopes.join(', ')})`,
      );
    }
    request.credential = credential;
    request.tenant = credential.tenant;
    return true;
  }
}
