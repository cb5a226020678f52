/**
 * xAPI Data 2.4.11 Attachments: an array of attachment headers, each with a usageType IRI, a
 * display language map, a media type, an integer length, the SHA-2 of the content and an optional
 * fileUrl IRL. A JWS signature attachment is application/octet-stream (Data 2.6).
 */
import { checkLanguageMap, checkOptionalLanguageMap } from './language-map';
import { isAbsoluteIri, isMediaType, isSha2Hex } from './formats';
import {
  checkKeys,
  isJsonObject,
  isPresent,
  itemPath,
  optionalIri,
  propertyPath,
  type ValidationReport,
} from './validation-report';

/** The usageType of a statement's JWS signature attachment. */
export const SIGNATURE_USAGE_TYPE = 'http://adlnet.gov/expapi/attachments/signature';

const ATTACHMENT_KEYS: ReadonlySet<string> = new Set([
  'usageType',
  'display',
  'description',
  'contentType',
  'length',
  'sha2',
  'fileUrl',
]);

function checkAttachment(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an Attachment object');
    return;
  }
  checkKeys(value, ATTACHMENT_KEYS, path, report, 'an Attachment');
  for (const key of ['usageType', 'display', 'contentType', 'length', 'sha2']) {
    if (value[key] === undefined) report.add(propertyPath(path, key), 'is required');
  }
  if (isPresent(value.usageType) && !isAbsoluteIri(value.usageType)) {
    report.add(propertyPath(path, 'usageType'), 'must be an absolute IRI');
  }
  if (isPresent(value.display))
    checkLanguageMap(value.display, propertyPath(path, 'display'), report);
  checkOptionalLanguageMap(value, 'description', path, report);
  if (isPresent(value.contentType) && !isMediaType(value.contentType)) {
    report.add(propertyPath(path, 'contentType'), 'must be an Internet media type (type/subtype)');
  }
  const length = value.length;
  if (
    isPresent(length) &&
    (typeof length !== 'number' || !Number.isInteger(length) || length < 0)
  ) {
    report.add(propertyPath(path, 'length'), 'must be a non-negative integer (octets)');
  }
  if (isPresent(value.sha2) && !isSha2Hex(value.sha2)) {
    report.add(propertyPath(path, 'sha2'), 'must be a SHA-2 hash in hexadecimal');
  }
  optionalIri(value, 'fileUrl', path, report, 'must be an IRL (absolute IRI)');
  if (
    value.usageType === SIGNATURE_USAGE_TYPE &&
    isPresent(value.contentType) &&
    value.contentType !== 'application/octet-stream'
  ) {
    report.add(
      propertyPath(path, 'contentType'),
      "a signature attachment must be 'application/octet-stream'",
    );
  }
}

export function checkOptionalAttachments(
  statement: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  const attachments = statement.attachments;
  if (!isPresent(attachments)) return;
  const at = propertyPath(path, 'attachments');
  if (!Array.isArray(attachments)) {
    report.add(at, 'must be an array of Attachment objects');
    return;
  }
  attachments.forEach((attachment: unknown, index) => {
    checkAttachment(attachment, itemPath(at, index), report);
  });
}
