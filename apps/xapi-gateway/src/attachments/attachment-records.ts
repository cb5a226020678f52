/**
 * The Kafka records of received attachment data: one per attachment on xapi.attachments.v1,
 * keyed tenant:sha2 (the same content sent twice is the same key), raw bytes as the value.
 */
import { type ProducerRecord, TOPICS } from '@learnpulse/kafka';
import { type EncodedAttachment } from './multipart';

export const ATTACHMENT_CONTENT_TYPE_HEADER = 'content-type';

export function attachmentRecords(
  tenant: string,
  attachments: readonly EncodedAttachment[],
): ProducerRecord[] {
  if (attachments.length === 0) return [];
  return [
    {
      topic: TOPICS.xapiAttachments,
      messages: attachments.map((attachment) => ({
        key: `${tenant}:${attachment.sha2}`,
        value: attachment.content,
        headers: { [ATTACHMENT_CONTENT_TYPE_HEADER]: attachment.contentType },
      })),
    },
  ];
}
