/**
 * The authority the LRS writes on every statement it stores (xAPI lets the LRS overwrite whatever
 * authority a client claimed): the sending credential on the HTTP write paths
 * (`credentialAuthority`, which `statements/read/mine` filters on), the tenant alone where no
 * credential sent it (`lrsAuthority`, the bulk importer).
 */
import { type XapiAgent } from './statement.types';

export const LRS_AUTHORITY_HOME_PAGE = 'urn:learnpulse:tenant';

/** `urn:learnpulse:tenant:<tenant>`: the homePage of a credential authority. */
export const CREDENTIAL_AUTHORITY_HOME_PAGE_PREFIX = `${LRS_AUTHORITY_HOME_PAGE}:`;

export function lrsAuthority(tenant: string): XapiAgent {
  return { objectType: 'Agent', account: { homePage: LRS_AUTHORITY_HOME_PAGE, name: tenant } };
}

/** The credential that sent the statement: the tenant in the homePage, the key as the name. */
export function credentialAuthority(credential: { tenant: string; key: string }): XapiAgent {
  return {
    objectType: 'Agent',
    account: {
      homePage: `${CREDENTIAL_AUTHORITY_HOME_PAGE_PREFIX}${credential.tenant}`,
      name: credential.key,
    },
  };
}
