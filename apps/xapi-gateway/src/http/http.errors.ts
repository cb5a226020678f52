/** Protocol-level refusals of xAPI requests, mapped to status codes by the exception filter. */

/** The body is not JSON (400); carries the parser's own explanation. */
export class InvalidJsonBodyError extends Error {
  constructor(readonly detail: string) {
    super(`the request body is not valid JSON: ${detail}`);
    this.name = 'InvalidJsonBodyError';
  }
}

/** Statements come as application/json (multipart with attachments comes later) (415). */
export class UnsupportedMediaTypeError extends Error {
  constructor(readonly contentType: string | undefined) {
    super(
      `statements must be sent as application/json, got ${contentType === undefined ? 'no Content-Type' : JSON.stringify(contentType)}`,
    );
    this.name = 'UnsupportedMediaTypeError';
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
