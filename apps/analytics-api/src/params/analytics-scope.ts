/**
 * The scope every analytics route needs: reading a tenant's whole warehouse is `all/read`
 * (or `all`), so an LMS's write-only credential (`statements/write`) reads nothing here.
 */
import type { Scope } from '@learnpulse/auth';

export const ANALYTICS_READ_SCOPE: Scope = 'all/read';
