/**
 * Removes a learner from the warehouse following an ErasurePlan: mixed rollups first (their
 * affected keys are found from the learner's source rows, which must still be there), then
 * the statement store's attachments and statements, then every learner table. Deletes are
 * ClickHouse lightweight DELETEs: the rows are gone from every query at once and physically
 * removed when their parts merge.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import {
  ATTACHMENT_STORE,
  type ErasurePlan,
  quoteIdentifier,
  type RollupRecompute,
  STATEMENT_STORE,
} from './erasure-plan';
import {
  learnerRowsOf,
  otherRowsOf,
  STATEMENT_ATTACHMENT_SHA2S,
  subjectParams,
} from './learner-rows';
import { type LearnerSubject } from './learner-subject';
import { countRows, run } from './warehouse-queries';

export interface RollupRecount {
  /** Rows of the affected keys deleted. */
  readonly removed: number;
  /** Rows re-inserted for those keys from the other learners' source rows. */
  readonly inserted: number;
}

export interface ErasureCounts {
  /** Rows deleted per learner table, the statement store and the attachment store. */
  readonly deleted: Readonly<Record<string, number>>;
  /** Rows replaced per recomputed rollup. */
  readonly recomputed: Readonly<Record<string, RollupRecount>>;
}

const keyTuple = (keys: readonly string[]): string => `(${keys.map(quoteIdentifier).join(', ')})`;

/** The keys of the target the learner's source rows contribute to. */
function affectedKeys(recompute: RollupRecompute): string {
  return `SELECT ${keyTuple(recompute.keys)} FROM (${recompute.selectOver(learnerRowsOf(recompute.source))})`;
}

async function recomputeRollup(
  client: ClickHouseClient,
  recompute: RollupRecompute,
  params: Record<string, unknown>,
): Promise<RollupRecount> {
  const target = quoteIdentifier(recompute.target);
  const keys = keyTuple(recompute.keys);
  const columns = recompute.columns.map(quoteIdentifier).join(', ');
  const others = `SELECT ${columns} FROM (${recompute.selectOver(otherRowsOf(recompute.source))}) WHERE ${keys} IN (${affectedKeys(recompute)})`;
  const removed = await countRows(
    client,
    `SELECT count() AS rows FROM ${target} WHERE ${keys} IN (${affectedKeys(recompute)})`,
    params,
  );
  if (removed === 0) return { removed: 0, inserted: 0 };
  const inserted = await countRows(client, `SELECT count() AS rows FROM (${others})`, params);
  await run(client, `DELETE FROM ${target} WHERE ${keys} IN (${affectedKeys(recompute)})`, params);
  // The recomputed block may equal one inserted before: it must not be deduplicated away.
  await run(
    client,
    `INSERT INTO ${target} (${columns}) ${others} SETTINGS insert_deduplicate = 0`,
    params,
  );
  return { removed, inserted };
}

async function deleteRows(
  client: ClickHouseClient,
  table: string,
  condition: string,
  params: Record<string, unknown>,
): Promise<number> {
  const name = quoteIdentifier(table);
  const rows = await countRows(
    client,
    `SELECT count() AS rows FROM ${name} WHERE ${condition}`,
    params,
  );
  if (rows > 0) await run(client, `DELETE FROM ${name} WHERE ${condition}`, params);
  return rows;
}

/** Attachments only the learner's statements refer to (content-addressed, so maybe shared). */
const LEARNER_ONLY_ATTACHMENTS = `tenant = {tenant:String}
  AND sha2 IN (SELECT arrayJoin(${STATEMENT_ATTACHMENT_SHA2S}) FROM ${STATEMENT_STORE} WHERE ${learnerRowsOf(STATEMENT_STORE)})
  AND sha2 NOT IN (SELECT arrayJoin(${STATEMENT_ATTACHMENT_SHA2S}) FROM ${STATEMENT_STORE} WHERE ${otherRowsOf(STATEMENT_STORE)})`;

export async function eraseLearnerRows(
  client: ClickHouseClient,
  plan: ErasurePlan,
  subject: LearnerSubject,
): Promise<ErasureCounts> {
  const params = subjectParams(subject);
  const recomputed: Record<string, RollupRecount> = {};
  for (const recompute of plan.recomputes) {
    recomputed[recompute.target] = await recomputeRollup(client, recompute, params);
  }
  const deleted: Record<string, number> = {};
  if (plan.statementStore && plan.attachmentStore) {
    deleted[ATTACHMENT_STORE] = await deleteRows(
      client,
      ATTACHMENT_STORE,
      LEARNER_ONLY_ATTACHMENTS,
      params,
    );
  }
  if (plan.statementStore) {
    deleted[STATEMENT_STORE] = await deleteRows(
      client,
      STATEMENT_STORE,
      learnerRowsOf(STATEMENT_STORE),
      params,
    );
  }
  for (const table of plan.learnerTables) {
    deleted[table] = await deleteRows(client, table, learnerRowsOf(table), params);
  }
  return { deleted, recomputed };
}
