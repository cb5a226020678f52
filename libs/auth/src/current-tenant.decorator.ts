import {
  createParamDecorator,
  type ExecutionContext,
  InternalServerErrorException,
} from '@nestjs/common';
import type { TenantRequest } from './basic-auth.guard';
import type { Credential } from './scopes';

/** The authenticated tenant of the request; only valid on routes behind BasicAuthGuard. */
export const CurrentTenant = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const tenant = context.switchToHttp().getRequest<TenantRequest>().tenant;
  if (tenant === undefined)
    throw new InternalServerErrorException('route is missing BasicAuthGuard');
  return tenant;
});

/** The authenticated caller (tenant, key, scopes); only valid on routes behind BasicAuthGuard. */
export const CurrentCredential = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Credential => {
    const credential = context.switchToHttp().getRequest<TenantRequest>().credential;
    if (credential === undefined)
      throw new InternalServerErrorException('route is missing BasicAuthGuard');
    return credential;
  },
);
