/**
 * The authority the LRS writes on every statement it stores: the credential that sent it
 * (xAPI lets the LRS overwrite whatever authority a client claimed). GET with the
 * statements/read/mine scope filters on this account name.
 */
import { type XapiAgent } from '@learnpulse/xapi';

export const AUTHORITY_HOME_PAGE_PREFIX = 'urn:learnpulse:tenant:';

export function credentialAuthority(credential: { tenant: string; key: string }): XapiAgent {
  return {
    objectType: 'Agent',
    account: {
      homePage: `${AUTHORITY_HOME_PAGE_PREFIX}${credential.tenant}`,
      name: credential.key,
    },
  };
}
