/**
 * Operator authentication of the admin endpoints: `Authorization: Bearer <ADMIN_TOKEN>`, never
 * a tenant credential. Both sides are hashed before a constant-time comparison, so neither the
 * content nor the length of the token leaks through timing. Without ADMIN_TOKEN the endpoints
 * do not exist (404), so an install never exposes them by accident.
 */
import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Environment } from '@learnpulse/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ADMIN_ENV } from './learner-admin.tokens';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export function isAdminToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: string | undefined;

  constructor(@Inject(ADMIN_ENV) env: Environment) {
    this.expected = env.ADMIN_TOKEN;
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) throw new NotFoundException();
    const http = context.switchToHttp();
    const authorization = http.getRequest<FastifyRequest>().headers.authorization ?? '';
    const given = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (given.length > 0 && isAdminToken(given, this.expected)) return true;
    void http
      .getResponse<FastifyReply>()
      .header('WWW-Authenticate', 'Bearer realm="learnpulse-admin"');
    throw new UnauthorizedException('a valid operator bearer token (ADMIN_TOKEN) is required');
  }
}
