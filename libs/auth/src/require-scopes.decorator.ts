import { SetMetadata } from '@nestjs/common';
import type { Scope } from './scopes';

export const REQUIRED_SCOPES = 'learnpulse:required-scopes';

/**
 * The scopes a route (or every route of a controller) needs: the credential must hold `all` or
 * one of them, else 403. Checked by BasicAuthGuard, so only on routes behind it.
 */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(REQUIRED_SCOPES, scopes);
