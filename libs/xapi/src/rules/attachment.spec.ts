import { describe } from 'node:test';
import { itChecksRules, statementWith } from '../testing/rule-cases';

const attachment = {
  usageType: 'http://adlnet.gov/expapi/attachments/certificate',
  display: { en: 'Certificate' },
  description: { en: 'The certificate of completion' },
  contentType: 'application/pdf',
  length: 1024,
  sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
};
const withAttachment = (overrides: Record<string, unknown>) =>
  statementWith({ attachments: [{ ...attachment, ...overrides }] });

describe('attachment rules (Data 2.4.11)', () => {
  itChecksRules([
    {
      rule: 'attachments is an array',
      valid: statementWith({ attachments: [attachment] }),
      invalid: statementWith({ attachments: attachment }),
      path: 'statement.attachments',
    },
    {
      rule: 'usageType is a required IRI',
      valid: withAttachment({}),
      invalid: withAttachment({ usageType: 'certificate' }),
      path: 'statement.attachments[0].usageType',
    },
    {
      rule: 'display is a required language map',
      valid: withAttachment({}),
      invalid: withAttachment({ display: undefined }),
      path: 'statement.attachments[0].display',
    },
    {
      rule: 'description is a language map',
      valid: withAttachment({ description: undefined }),
      invalid: withAttachment({ description: 'pdf' }),
      path: 'statement.attachments[0].description',
    },
    {
      rule: 'contentType is a media type',
      valid: withAttachment({ contentType: 'text/plain; charset=utf-8' }),
      invalid: withAttachment({ contentType: 'pdf' }),
      path: 'statement.attachments[0].contentType',
    },
    {
      rule: 'length is an integer',
      valid: withAttachment({ length: 0 }),
      invalid: withAttachment({ length: 10.5 }),
      path: 'statement.attachments[0].length',
    },
    {
      rule: 'sha2 is a SHA-2 hash',
      valid: withAttachment({ sha2: 'A'.repeat(128) }),
      invalid: withAttachment({ sha2: 'abc' }),
      path: 'statement.attachments[0].sha2',
    },
    {
      rule: 'fileUrl is an IRL',
      valid: withAttachment({ fileUrl: 'https://files.example/cert.pdf' }),
      invalid: withAttachment({ fileUrl: 'cert.pdf' }),
      path: 'statement.attachments[0].fileUrl',
    },
    {
      rule: 'a signature attachment is application/octet-stream',
      valid: withAttachment({
        usageType: 'http://adlnet.gov/expapi/attachments/signature',
        contentType: 'application/octet-stream',
      }),
      invalid: withAttachment({
        usageType: 'http://adlnet.gov/expapi/attachments/signature',
        contentType: 'application/json',
      }),
      path: 'statement.attachments[0].contentType',
    },
    {
      rule: 'an attachment has no unknown properties',
      valid: withAttachment({}),
      invalid: withAttachment({ data: 'aGVsbG8=' }),
      path: 'statement.attachments[0].data',
    },
  ]);
});
