/**
 * The body of a statements write, whatever its content type: application/json (parsed by
 * Fastify) or multipart/mixed (statements in the first part, attachment data after it).
 */
import { InvalidJsonBodyError, UnsupportedMediaTypeError } from '../http/http.errors';
import { type MultipartPart, mediaType, parseMultipartMixed } from '../attachments/multipart';
import { BadStatementRequestError } from './statements.errors';

export interface StatementsRequestBody {
  /** One statement or an array of them, as sent. */
  body: unknown;
  /** The attachment parts of a multipart/mixed request; null for application/json. */
  parts: MultipartPart[] | null;
}

function parseJson(text: string): unknown {
  if (text.trim().length === 0) throw new InvalidJsonBodyError('the statements part is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidJsonBodyError(error instanceof Error ? error.message : String(error));
  }
}

export function decodeStatementsRequest(
  contentType: string | undefined,
  body: unknown,
): StatementsRequestBody {
  const type = mediaType(contentType);
  if (type === 'application/json') return { body, parts: null };
  if (type !== 'multipart/mixed' || contentType === undefined || !Buffer.isBuffer(body)) {
    throw new UnsupportedMediaTypeError(contentType);
  }
  const [first, ...parts] = parseMultipartMixed(body, contentType);
  if (first === undefined) {
    throw new BadStatementRequestError('the multipart/mixed body has no statements part');
  }
  if (mediaType(first.headers['content-type']) !== 'application/json') {
    throw new BadStatementRequestError(
      'the first part of a multipart/mixed statements request must be application/json',
    );
  }
  return { body: parseJson(first.body.toString('utf8')), parts };
}
