/**
 * The xAPI versions this LRS speaks: 1.0.x and 2.0.x, in statements' `version` and in the
 * X-Experience-API-Version header.
 */
const supportedVersion = /^[12]\.0(?:\.\d+)?$/;

/** The version the LRS answers with (X-Experience-API-Version on every response). */
export const LRS_XAPI_VERSION = '2.0.0';

export function isSupportedXapiVersion(value: unknown): value is string {
  return typeof value === 'string' && supportedVersion.test(value);
}
