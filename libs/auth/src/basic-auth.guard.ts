/** Lets a request through only with valid tenant credentials; records the tenant on the request. */
import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseBasicAuthorization } from './basic-auth';
import { CredentialStore } from './credential-store';

export interface TenantRequest extends FastifyRequest {
  tenant?: string;
}

@Injectable()
export class BasicAuthGuard implements CanActivate {
  constructor(private readonly credentials: CredentialStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<TenantRequest>();
    const given = parseBasicAuthorization(request.headers.authorization);
    const tenant =
      given === null ? null : await this.credentials.authenticate(given.key, given.secret);
    if (tenant === null) {
      void http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Basic realm="learnpulse"');
      throw new UnauthorizedException(
        given === null ? 'HTTP Basic credentials are required' : 'unknown key or wrong secret',
      );
    }
    request.tenant = tenant;
    return true;
  }
}
