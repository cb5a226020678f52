/**
 * Matches the raw attachment parts of a statements request to the attachments the statements
 * declare (xAPI Communication 1.5.2): by SHA-2 only, every declared attachment without a
 * fileUrl present as a part, every part declared, every part's hash true to its bytes.
 */
import { createHash } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';
import { type EncodedAttachment, type MultipartPart, mediaType } from './multipart';

export const SIGNATURE_USAGE_TYPE = 'http://adlnet.gov/expapi/attachments/signature';

/** The attachments of a request break the transmission rules (400). */
export class InvalidAttachmentsError extends BadRequestException {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAttachmentsError';
  }
}

export interface DeclaredAttachment {
  usageType?: unknown;
  contentType?: unknown;
  sha2?: unknown;
  fileUrl?: unknown;
}

const HASH_BY_HEX_LENGTH: Record<number, string> = {
  56: 'sha224',
  64: 'sha256',
  96: 'sha384',
  128: 'sha512',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The attachment objects a statement declares (validation has checked their shape). */
export function declaredAttachments(statement: unknown): DeclaredAttachment[] {
  if (!isObject(statement) || !Array.isArray(statement.attachments)) return [];
  return statement.attachments.filter(isObject);
}

/** The SHA-2 digest of `content` in hex, of the length (224/256/384/512 bits) of `like`. */
export function sha2Hex(content: Buffer, like: string): string | null {
  const algorithm = HASH_BY_HEX_LENGTH[like.length];
  return algorithm === undefined ? null : createHash(algorithm).update(content).digest('hex');
}

function sha2Of(attachment: DeclaredAttachment): string {
  return typeof attachment.sha2 === 'string' ? attachment.sha2.toLowerCase() : '';
}

/** An application/json request cannot carry attachment data: each one needs its fileUrl. */
export function checkJsonAttachments(statements: readonly unknown[]): void {
  statements.forEach((statement, index) => {
    for (const attachment of declaredAttachments(statement)) {
      if (attachment.fileUrl === undefined) {
        throw new InvalidAttachmentsError(
          `statements[${index}] declares the attachment ${sha2Of(attachment)} without a fileUrl; send its data as a multipart/mixed part`,
        );
      }
    }
  });
}

/**
 * The attachments to store, one per SHA-2, from the parts after the statements part.
 * Throws InvalidAttachmentsError for a part without hash or binary encoding, a hash that does
 * not match the bytes, a part no statement declares, or a declared attachment with neither
 * fileUrl nor part.
 */
export function matchAttachmentParts(
  statements: readonly unknown[],
  parts: readonly MultipartPart[],
): EncodedAttachment[] {
  const declared = new Map<string, DeclaredAttachment>();
  for (const statement of statements) {
    for (const attachment of declaredAttachments(statement)) {
      const sha2 = sha2Of(attachment);
      // A part's content type comes from the declaration that has no fileUrl, if any.
      if (!declared.has(sha2) || attachment.fileUrl === undefined) declared.set(sha2, attachment);
    }
  }
  const received = new Map<string, EncodedAttachment>();
  parts.forEach((part, index) => {
    const where = `attachment part ${index + 2}`;
    const hash = part.headers['x-experience-api-hash']?.toLowerCase();
    if (hash === undefined || hash === '') {
      throw new InvalidAttachmentsError(`${where} has no X-Experience-API-Hash header`);
    }
    const encoding = part.headers['content-transfer-encoding'];
    if (encoding?.toLowerCase() !== 'binary') {
      throw new InvalidAttachmentsError(
        `${where} must have Content-Transfer-Encoding: binary, got ${encoding === undefined ? 'none' : JSON.stringify(encoding)}`,
      );
    }
    const actual = sha2Hex(part.body, hash);
    if (actual !== hash) {
      throw new InvalidAttachmentsError(
        `${where}: X-Experience-API-Hash ${hash} is not the SHA-2 of its content`,
      );
    }
    const attachment = declared.get(hash);
    if (attachment === undefined) {
      throw new InvalidAttachmentsError(
        `${where} (${hash}) matches no attachment of the statements`,
      );
    }
    const declaredType = typeof attachment.contentType === 'string' ? attachment.contentType : '';
    received.set(hash, {
      sha2: hash,
      contentType: declaredType || mediaType(part.headers['content-type']),
      content: part.body,
    });
  });
  for (const [sha2, attachment] of declared) {
    if (attachment.fileUrl === undefined && !received.has(sha2)) {
      throw new InvalidAttachmentsError(
        `the attachment ${sha2} has no fileUrl and no multipart part carries its data`,
      );
    }
  }
  return [...received.values()];
}
