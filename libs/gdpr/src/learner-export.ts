/**
 * Everything the warehouse holds about a learner, as one JSON document: the rows of every
 * learner table (aggregate states finalised to their values), the statements as stored, and
 * the attachments those statements carry. Mixed rollups hold no row of the learner's own.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import {
  ATTACHMENT_STORE,
  type ErasurePlan,
  quoteIdentifier,
  STATEMENT_STORE,
} from './erasure-plan';
import { learnerRowsOf, STATEMENT_ATTACHMENT_SHA2S, subjectParams } from './learner-rows';
import { type LearnerSubject } from './learner-subject';
import { type WarehouseCatalogue } from './warehouse-catalogue';
import { selectRows } from './warehouse-queries';

export const LEARNER_EXPORT_FORMAT = 'learnpulse.learner-export.v1';

export interface ExportedAttachment {
  sha2: string;
  contentType: string;
  length: number;
  contentBase64: string;
}

export interface LearnerExport {
  format: typeof LEARNER_EXPORT_FORMAT;
  tenant: string;
  learner: { identities: string[]; pseudonyms: string[] };
  exportedAt: string;
  /** Rows per learner table, in the table's own column names. */
  tables: Record<string, Record<string, unknown>[]>;
  /** The learner's statements exactly as the LRS stored them. */
  statements: unknown[];
  attachments: ExportedAttachment[];
}

/** The table, merged (`FINAL`) when its engine merges rows of a key (rollups, latest-state). */
function source(catalogue: WarehouseCatalogue, table: string): string {
  const engine = catalogue.tables.find((entry) => entry.name === table)?.engine ?? 'MergeTree';
  return `${quoteIdentifier(table)}${engine === 'MergeTree' ? '' : ' FINAL'}`;
}

function selectList(catalogue: WarehouseCatalogue, table: string): string {
  const columns = catalogue.tables.find((entry) => entry.name === table)?.columns ?? [];
  return columns
    .map(({ name, type }) =>
      // An aggregate state is bytes; its value is what the learner's data says.
      type.startsWith('AggregateFunction(')
        ? `finalizeAggregation(${quoteIdentifier(name)}) AS ${quoteIdentifier(name)}`
        : quoteIdentifier(name),
    )
    .join(', ');
}

export async function exportLearnerRows(
  client: ClickHouseClient,
  catalogue: WarehouseCatalogue,
  plan: ErasurePlan,
  subject: LearnerSubject,
  now: Date = new Date(),
): Promise<LearnerExport> {
  const params = subjectParams(subject);
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of plan.learnerTables) {
    tables[table] = await selectRows<Record<string, unknown>>(
      client,
      `SELECT ${selectList(catalogue, table)} FROM ${source(catalogue, table)} WHERE ${learnerRowsOf(table)}`,
      params,
    );
  }
  let statements: unknown[] = [];
  let attachments: ExportedAttachment[] = [];
  if (plan.statementStore) {
    const rows = await selectRows<{ statement: string }>(
      client,
      `SELECT statement FROM ${STATEMENT_STORE} WHERE ${learnerRowsOf(STATEMENT_STORE)} ORDER BY stored, statement_id`,
      params,
    );
    statements = rows.map((row) => JSON.parse(row.statement) as unknown);
    if (plan.attachmentStore) {
      attachments = (
        await selectRows<{ sha2: string; content_type: string; length: string; content: string }>(
          client,
          `SELECT sha2, content_type, length, base64Encode(content) AS content
           FROM ${ATTACHMENT_STORE} FINAL
           WHERE tenant = {tenant:String}
             AND sha2 IN (SELECT arrayJoin(${STATEMENT_ATTACHMENT_SHA2S}) FROM ${STATEMENT_STORE} WHERE ${learnerRowsOf(STATEMENT_STORE)})
           ORDER BY sha2`,
          params,
        )
      ).map((row) => ({
        sha2: row.sha2,
        contentType: row.content_type,
        length: Number(row.length),
        contentBase64: row.content,
      }));
    }
  }
  return {
    format: LEARNER_EXPORT_FORMAT,
    tenant: subject.tenant,
    learner: { identities: [...subject.identities], pseudonyms: [...subject.pseudonyms] },
    exportedAt: now.toISOString(),
    tables,
    statements,
    attachments,
  };
}
