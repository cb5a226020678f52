/** Protocol-level refusals of xAPI requests, mapped to status codes by the exception filter. */

/** The body is not JSON (400); carries the parser's own explanation. */
export class InvalidJsonBodyError extends Error {
  constructor(readonly detail: string) {
    super(`the request body is not valid JSON: ${detail}`);
    this.name = 'InvalidJsonBodyError';
  }
}

/**
 * A PUT or POST body of a type the resource does not take (statements: application/json or
 * multipart/mixed). xAPI answers it with 400 Bad Request (conformance XAPI-00127), not 415.
 */
export class UnsupportedMediaTypeError extends Error {
  constructor(readonly contentType: string | undefined) {
    super(
      `statements must be sent as application/json or multipart/mixed, got ${contentType === undefined ? 'no Content-Type' : JSON.stringify(contentType)}`,
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** The request has no X-Experience-API-Version header (400; only GET /xapi/about may omit it). */
export class MissingXapiVersionError extends Error {
  constructor() {
    super(
      'the X-Experience-API-Version header is required on every xAPI request except GET /xapi/about; send 2.0.0 (or 1.0.3)',
    );
    this.name = 'MissingXapiVersionError';
  }
}

/** The alternate request syntax (`POST ...?method=`) broke its rules, or is used under 2.0 (400). */
export class AlternateRequestSyntaxError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AlternateRequestSyntaxError';
  }
}

/** X-Experience-API-Version names a version this LRS does not speak (400). */
export class UnsupportedXapiVersionError extends Error {
  constructor(readonly version: string) {
    super(
      `X-Experience-API-Version ${JSON.stringify(version)} is not supported; use 1.0.x or 2.0.x`,
    );
    this.name = 'UnsupportedXapiVersionError';
  }
}
