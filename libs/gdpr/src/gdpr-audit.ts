/** One gdpr_audit row per erase or export request (migration 0050). */
import { type ClickHouseClient, toDateTime64 } from '@learnpulse/clickhouse';
import { randomUUID } from 'node:crypto';

export const GDPR_AUDIT_TABLE = 'gdpr_audit';

export type GdprAction = 'erase' | 'export';
export type GdprChannel = 'cli' | 'admin-api';

export interface GdprRequester {
  /** Who asked (an operator name). */
  readonly by: string;
  readonly via: GdprChannel;
}

export interface GdprAuditEntry {
  readonly auditId: string;
  readonly tenant: string;
  readonly action: GdprAction;
  readonly subject: readonly string[];
  readonly requester: GdprRequester;
  readonly requestedAt: number;
  readonly finishedAt: number;
  readonly outcome: 'done' | 'failed';
  readonly error: string;
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly tombstones: number;
}

export const newAuditId = (): string => randomUUID();

export async function recordAudit(client: ClickHouseClient, entry: GdprAuditEntry): Promise<void> {
  await client.insert({
    table: GDPR_AUDIT_TABLE,
    format: 'JSONEachRow',
    values: [
      {
        audit_id: entry.auditId,
        tenant: entry.tenant,
        action: entry.action,
        subject: entry.subject,
        requested_by: entry.requester.by,
        requested_via: entry.requester.via,
        requested_at: toDateTime64(entry.requestedAt),
        finished_at: toDateTime64(entry.finishedAt),
        outcome: entry.outcome,
        error: entry.error,
        row_counts: entry.rowCounts,
        tombstones: entry.tombstones,
      },
    ],
  });
}
