/**
 * Reads stored attachment data back from ClickHouse (xapi_attachments, written by the
 * warehouse-writer from xapi.attachments.v1), for GET /xapi/statements?attachments=true.
 */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { Inject, Injectable } from '@nestjs/common';
import { type EncodedAttachment } from './multipart';

interface AttachmentRow {
  sha2: string;
  content_type: string;
  content_base64: string;
}

// The content travels as base64: JSON output cannot carry arbitrary bytes.
const FETCH_SQL = `
SELECT sha2, content_type, base64Encode(content) AS content_base64
FROM xapi_attachments FINAL
WHERE tenant = {tenant:String} AND sha2 IN {sha2s:Array(String)}`;

@Injectable()
export class AttachmentStore {
  constructor(@Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient) {}

  /** The stored attachments among `sha2s` (any case), each once; unknown ones are left out. */
  async fetch(tenant: string, sha2s: string[]): Promise<EncodedAttachment[]> {
    const wanted = [...new Set(sha2s.map((sha2) => sha2.toLowerCase()))];
    if (wanted.length === 0) return [];
    const result = await this.clickhouse.query({
      query: FETCH_SQL,
      query_params: { tenant, sha2s: wanted },
      format: 'JSONEachRow',
    });
    const rows = await result.json<AttachmentRow>();
    return rows.map((row) => ({
      sha2: row.sha2,
      contentType: row.content_type,
      content: Buffer.from(row.content_base64, 'base64'),
    }));
  }
}
