/**
 * The authority the LRS writes on every statement it stores: the credential that sent it
 * (xAPI lets the LRS overwrite whatever authority a client claimed). GET with the
 * statements/read/mine scope filters on this account name. Defined in @learnpulse/xapi, so the
 * clickstream gateway writes the same authority on the statements it derives from edX events.
 */
export {
  CREDENTIAL_AUTHORITY_HOME_PAGE_PREFIX as AUTHORITY_HOME_PAGE_PREFIX,
  credentialAuthority,
} from '@learnpulse/xapi';
