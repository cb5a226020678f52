/**
 * Typed failures of the topic codecs. Producers map SchemaEncodeError to a 4xx naming the
 * field; consumers send records that raise SchemaDecodeError to the DLQ.
 */

/** One broken rule, with the dotted path of the field it is about ('' for the whole value). */
export interface SchemaIssue {
  readonly field: string;
  readonly message: string;
}

function describe(issues: readonly SchemaIssue[]): string {
  return issues.map((i) => (i.field === '' ? i.message : `${i.field}: ${i.message}`)).join('; ');
}

/** A value that does not fit its topic's schema; nothing was written. */
export class SchemaEncodeError extends Error {
  /** Path of the first bad field, e.g. "score.raw". */
  readonly field: string;
  readonly issues: readonly SchemaIssue[];

  constructor(subject: string, issues: readonly [SchemaIssue, ...SchemaIssue[]]) {
    super(`invalid ${subject} value: ${describe(issues)}`);
    this.name = 'SchemaEncodeError';
    this.field = issues[0].field;
    this.issues = issues;
  }
}

/** Bytes on a topic that cannot be read as its contract says. */
export class SchemaDecodeError extends Error {
  /** Path of the bad field when the envelope parsed but a field broke a rule. */
  readonly field: string | undefined;

  constructor(message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SchemaDecodeError';
    this.field = options?.field;
  }
}

/** A newer schema that cannot read data written with an older one. */
export class SchemaCompatibilityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaCompatibilityError';
  }
}
