/**
 * Signed statements (xAPI Data 2.6): the signature attachment is a compact JWS whose payload
 * is the statement as it was before the signature was attached. The LRS checks the algorithm,
 * that the payload is equivalent to the received statement, and, when the header carries an
 * x5c chain, the signature against its first certificate.
 */
import { verify, X509Certificate } from 'node:crypto';
import { statementsEquivalent } from '@learnpulse/xapi';
import {
  declaredAttachments,
  InvalidAttachmentsError,
  SIGNATURE_USAGE_TYPE,
} from './attachment-parts';

const HASH_BY_ALGORITHM: Record<string, string> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
};
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJsonSegment(segment: string, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidAttachmentsError(`the signature's ${what} is not base64url-encoded JSON`);
  }
}

/** The statement as signed: without its signature attachment(s). */
function withoutSignature(statement: Record<string, unknown>): Record<string, unknown> {
  const attachments = declaredAttachments(statement).filter(
    (attachment) => attachment.usageType !== SIGNATURE_USAGE_TYPE,
  );
  const rest = { ...statement };
  delete rest.attachments;
  return attachments.length > 0 ? { ...rest, attachments } : rest;
}

function verifyWithCertificate(
  x5c: unknown,
  hash: string,
  signingInput: string,
  signature: Buffer,
): void {
  if (!Array.isArray(x5c) || x5c.length === 0 || typeof x5c[0] !== 'string') {
    throw new InvalidAttachmentsError('the signature header x5c is not a certificate chain');
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(x5c[0], 'base64'));
  } catch {
    throw new InvalidAttachmentsError('the first x5c certificate of the signature is not valid');
  }
  const valid = verify(hash, Buffer.from(signingInput, 'ascii'), certificate.publicKey, signature);
  if (!valid) {
    throw new InvalidAttachmentsError(
      'the statement signature does not verify with its x5c certificate',
    );
  }
}

/** Throws InvalidAttachmentsError unless `jws` is a valid signature of `statement`. */
export function verifyStatementSignature(statement: Record<string, unknown>, jws: string): void {
  const segments = jws.trim().split('.');
  if (segments.length !== 3 || !segments.every((segment) => BASE64URL.test(segment))) {
    throw new InvalidAttachmentsError('the signature is not a JWS in compact serialization');
  }
  const [header, payload, signature] = segments as [string, string, string];
  const protectedHeader = decodeJsonSegment(header, 'header');
  if (!isObject(protectedHeader)) {
    throw new InvalidAttachmentsError("the signature's header is not a JSON object");
  }
  const hash =
    typeof protectedHeader.alg === 'string' ? HASH_BY_ALGORITHM[protectedHeader.alg] : undefined;
  if (hash === undefined) {
    throw new InvalidAttachmentsError(
      `the signature algorithm must be RS256, RS384 or RS512, got ${JSON.stringify(protectedHeader.alg)}`,
    );
  }
  const signed = decodeJsonSegment(payload, 'payload');
  if (!isObject(signed)) {
    throw new InvalidAttachmentsError("the signature's payload is not a statement");
  }
  if (!statementsEquivalent(signed, withoutSignature(statement))) {
    throw new InvalidAttachmentsError('the signed statement differs from the statement received');
  }
  if (protectedHeader.x5c !== undefined) {
    verifyWithCertificate(
      protectedHeader.x5c,
      hash,
      `${header}.${payload}`,
      Buffer.from(signature, 'base64url'),
    );
  }
}

/**
 * Checks every signed statement of a request: its signature attachment must be
 * application/octet-stream, present among the parts (`contents` by SHA-2), and valid.
 */
export function verifySignedStatements(
  statements: readonly unknown[],
  contents: ReadonlyMap<string, Buffer>,
): void {
  statements.forEach((statement, index) => {
    if (!isObject(statement)) return;
    for (const attachment of declaredAttachments(statement)) {
      if (attachment.usageType !== SIGNATURE_USAGE_TYPE) continue;
      if (attachment.contentType !== 'application/octet-stream') {
        throw new InvalidAttachmentsError(
          `statements[${index}]: a signature attachment must have contentType application/octet-stream`,
        );
      }
      const sha2 = typeof attachment.sha2 === 'string' ? attachment.sha2.toLowerCase() : '';
      const content = contents.get(sha2);
      if (content === undefined) {
        throw new InvalidAttachmentsError(
          `statements[${index}]: the signature attachment must be sent as a multipart part`,
        );
      }
      verifyStatementSignature(statement, content.toString('utf8'));
    }
  });
}
