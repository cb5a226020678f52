/**
 * The authority the LRS writes on every statement it stores: the tenant whose credential sent
 * it. xAPI lets the LRS overwrite whatever authority a client claimed.
 */
import { type XapiAgent } from './statement.types';

export const LRS_AUTHORITY_HOME_PAGE = 'urn:learnpulse:tenant';

export function lrsAuthority(tenant: string): XapiAgent {
  return { objectType: 'Agent', account: { homePage: LRS_AUTHORITY_HOME_PAGE, name: tenant } };
}
