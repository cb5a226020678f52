/**
 * multipart/mixed (RFC 2046) as xAPI uses it for statements with attachments: a parser for
 * request bodies and an encoder for GET responses. Bodies are Buffers so attachment bytes
 * pass through untouched.
 */
import { randomBytes } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';

/** The body is not a well-formed multipart/mixed document (400). */
export class MultipartError extends BadRequestException {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

export interface MultipartPart {
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface EncodedAttachment {
  sha2: string;
  contentType: string;
  content: Buffer;
}

const CRLF = '\r\n';
/** RFC 2046: 1 to 70 characters from bchars, not ending with a space. */
const BOUNDARY_PATTERN = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** The media type of a Content-Type value, lower case, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The boundary parameter of a multipart Content-Type, unquoted; throws when missing or invalid. */
export function boundaryOf(contentType: string): string {
  for (const parameter of contentType.split(';').slice(1)) {
    const separator = parameter.indexOf('=');
    if (separator < 0) continue;
    if (parameter.slice(0, separator).trim().toLowerCase() !== 'boundary') continue;
    let value = parameter.slice(separator + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    if (!BOUNDARY_PATTERN.test(value)) {
      throw new MultipartError(`the multipart boundary ${JSON.stringify(value)} is not valid`);
    }
    return value;
  }
  throw new MultipartError('the multipart/mixed Content-Type has no boundary parameter');
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  // Folded header lines (obsolete but legal) continue with whitespace.
  const lines = block.split(CRLF).reduce<string[]>((joined, line) => {
    if (/^[ \t]/.test(line) && joined.length > 0) {
      joined[joined.length - 1] = `${joined[joined.length - 1] ?? ''} ${line.trim()}`;
    } else if (line.length > 0) {
      joined.push(line);
    }
    return joined;
  }, []);
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`malformed part header line ${JSON.stringify(line)}`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parsePart(raw: Buffer): MultipartPart {
  if (raw.length === 0) return { headers: {}, body: raw };
  // A part with no headers starts directly with the blank line.
  if (raw.subarray(0, 2).toString('latin1') === CRLF) {
    return { headers: {}, body: raw.subarray(2) };
  }
  const end = raw.indexOf(`${CRLF}${CRLF}`);
  if (end < 0) {
    // Headers and no body: the last header's CRLF is followed by the delimiter's.
    if (raw.subarray(-2).toString('latin1') === CRLF) {
      return {
        headers: parseHeaders(raw.subarray(0, -2).toString('latin1')),
        body: raw.subarray(0, 0),
      };
    }
    throw new MultipartError('a part has no blank line after its headers');
  }
  return {
    headers: parseHeaders(raw.subarray(0, end).toString('latin1')),
    body: raw.subarray(end + 4),
  };
}

/**
 * Splits a multipart body into its parts. The preamble and epilogue are ignored; a delimiter
 * line may carry trailing whitespace (transport padding); the close delimiter is required.
 */
export function parseMultipartMixed(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: MultipartPart[] = [];
  // The first delimiter may open the body; later ones are preceded by CRLF.
  let position = body.subarray(0, delimiter.length).equals(delimiter)
    ? 0
    : body.indexOf(Buffer.concat([Buffer.from(CRLF), delimiter]));
  if (position < 0) throw new MultipartError('the body has no multipart delimiter');
  if (position > 0) position += 2;
  for (;;) {
    let cursor = position + delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString('latin1') === '--') return parts;
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor += 1;
    if (body.subarray(cursor, cursor + 2).toString('latin1') !== CRLF) {
      throw new MultipartError('a multipart delimiter line is not followed by CRLF');
    }
    const start = cursor + 2;
    const next = body.indexOf(Buffer.concat([Buffer.from(CRLF), delimiter]), start);
    if (next < 0) throw new MultipartError('the multipart body has no closing delimiter');
    parts.push(parsePart(body.subarray(start, next)));
    position = next + 2;
  }
}

/** A boundary that cannot occur in the given contents (random, checked). */
function boundaryFor(contents: readonly Buffer[]): string {
  for (;;) {
    const boundary = `xapi-${randomBytes(18).toString('hex')}`;
    if (contents.every((content) => !content.includes(boundary, 0, 'latin1'))) return boundary;
  }
}

/**
 * Builds a multipart/mixed body: the JSON first, then one binary part per attachment with its
 * X-Experience-API-Hash, as xAPI requires for GET with attachments=true.
 */
export function encodeMultipartMixed(
  json: unknown,
  attachments: readonly EncodedAttachment[],
): { contentType: string; body: Buffer } {
  const jsonBody = Buffer.from(JSON.stringify(json), 'utf8');
  const boundary = boundaryFor([jsonBody, ...attachments.map((a) => a.content)]);
  const chunks: Buffer[] = [
    Buffer.from(`--${boundary}${CRLF}Content-Type: application/json${CRLF}${CRLF}`, 'latin1'),
    jsonBody,
  ];
  for (const attachment of attachments) {
    chunks.push(
      Buffer.from(
        `${CRLF}--${boundary}${CRLF}` +
          `Content-Type: ${attachment.contentType}${CRLF}` +
          `Content-Transfer-Encoding: binary${CRLF}` +
          `X-Experience-API-Hash: ${attachment.sha2}${CRLF}${CRLF}`,
        'latin1',
      ),
      attachment.content,
    );
  }
  chunks.push(Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'latin1'));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
