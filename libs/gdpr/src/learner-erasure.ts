/**
 * Removes a learner from the warehouse following an ErasurePlan. Nothing is deleted before
 * everything that depends on the learner's rows is captured: the keys of the mixed rollups the
 * learner touched (into a small table of their own) and the attachments only the learner's
 * statements refer to. Then the rollup rows of those keys are deleted and re-inserted from the
 * other learners' source rows, and the statements, attachments and learner-table rows are
 * deleted. Deletes are ClickHouse lightweight DELETEs, submitted together and awaited together
 * (mutation-wait.ts): once this returns, no query sees the rows; the bytes leave the disk when
 * the parts merge.
 */
import { type ClickHouseClient } from '@learnpulse/clickhouse';
import { randomBytes } from 'node:crypto';
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
import { waitForMutations } from './mutation-wait';
import { countRows, run, selectRows } from './warehouse-queries';

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

/** Submitted, not awaited: waitForMutations awaits them all at once. */
const ASYNC_DELETE = 'SETTINGS lightweight_deletes_sync = 0';

const keyTuple = (keys: readonly string[]): string => `(${keys.map(quoteIdentifier).join(', ')})`;

/** Prefix of the per-erase key tables; they hold no learner id and are dropped afterwards. */
export const ERASE_KEYS_TABLE_PREFIX = 'gdpr_erase_keys_';

interface CapturedKeys {
  readonly recompute: RollupRecompute;
  /** Table holding the keys of the target the learner's source rows contribute to. */
  readonly table: string;
}

async function captureKeys(
  client: ClickHouseClient,
  recompute: RollupRecompute,
  params: Record<string, unknown>,
  suffix: string,
): Promise<CapturedKeys> {
  const table = `${ERASE_KEYS_TABLE_PREFIX}${suffix}_${recompute.target}`;
  await run(
    client,
    `CREATE TABLE ${quoteIdentifier(table)} ENGINE = Memory AS
     SELECT DISTINCT ${recompute.keys.map(quoteIdentifier).join(', ')}
     FROM (${recompute.selectOver(learnerRowsOf(recompute.source))})`,
    params,
  );
  return { recompute, table };
}

async function recomputeRollup(
  client: ClickHouseClient,
  { recompute, table }: CapturedKeys,
  params: Record<string, unknown>,
): Promise<RollupRecount> {
  const target = quoteIdentifier(recompute.target);
  const keys = keyTuple(recompute.keys);
  const affected = `${keys} IN (SELECT ${keys} FROM ${quoteIdentifier(table)})`;
  const columns = recompute.columns.map(quoteIdentifier).join(', ');
  const others = `SELECT ${columns} FROM (${recompute.selectOver(otherRowsOf(recompute.source))}) WHERE ${affected}`;
  const removed = await countRows(
    client,
    `SELECT count() AS rows FROM ${target} WHERE ${affected}`,
    params,
  );
  if (removed === 0) return { removed: 0, inserted: 0 };
  const inserted = await countRows(client, `SELECT count() AS rows FROM (${others})`, params);
  // The delete applies to the parts that exist now, not to the rows inserted next.
  await run(client, `DELETE FROM ${target} WHERE ${affected} ${ASYNC_DELETE}`, params);
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
  if (rows > 0) await run(client, `DELETE FROM ${name} WHERE ${condition} ${ASYNC_DELETE}`, params);
  return rows;
}

/** SHA-2s of attachments only the learner's statements refer to (content-addressed, so maybe shared). */
async function learnerOnlyAttachments(
  client: ClickHouseClient,
  params: Record<string, unknown>,
): Promise<string[]> {
  const rows = await selectRows<{ sha2: string }>(
    client,
    `SELECT DISTINCT arrayJoin(${STATEMENT_ATTACHMENT_SHA2S}) AS sha2 FROM ${STATEMENT_STORE}
     WHERE ${learnerRowsOf(STATEMENT_STORE)}
       AND sha2 NOT IN (SELECT arrayJoin(${STATEMENT_ATTACHMENT_SHA2S}) FROM ${STATEMENT_STORE} WHERE ${otherRowsOf(STATEMENT_STORE)})`,
    params,
  );
  return rows.map((row) => row.sha2);
}

export async function eraseLearnerRows(
  client: ClickHouseClient,
  plan: ErasurePlan,
  subject: LearnerSubject,
): Promise<ErasureCounts> {
  const params = subjectParams(subject);
  const suffix = randomBytes(6).toString('hex');
  const captured: CapturedKeys[] = [];
  const touched = new Set<string>();
  try {
    // 1. Capture what the deletes would take away from the queries below.
    for (const recompute of plan.recomputes) {
      captured.push(await captureKeys(client, recompute, params, suffix));
    }
    const sha2s =
      plan.statementStore && plan.attachmentStore
        ? await learnerOnlyAttachments(client, params)
        : [];
    // 2. Rollups, then the learner's own rows.
    const recomputed: Record<string, RollupRecount> = {};
    for (const keys of captured) {
      recomputed[keys.recompute.target] = await recomputeRollup(client, keys, params);
      touched.add(keys.recompute.target);
    }
    const deleted: Record<string, number> = {};
    if (plan.statementStore && plan.attachmentStore) {
      deleted[ATTACHMENT_STORE] = await deleteRows(
        client,
        ATTACHMENT_STORE,
        'tenant = {tenant:String} AND sha2 IN {sha2s:Array(String)}',
        { ...params, sha2s },
      );
      touched.add(ATTACHMENT_STORE);
    }
    if (plan.statementStore) {
      deleted[STATEMENT_STORE] = await deleteRows(
        client,
        STATEMENT_STORE,
        learnerRowsOf(STATEMENT_STORE),
        params,
      );
      touched.add(STATEMENT_STORE);
    }
    for (const table of plan.learnerTables) {
      deleted[table] = await deleteRows(client, table, learnerRowsOf(table), params);
      touched.add(table);
    }
    // 3. Done when ClickHouse has applied every delete.
    await waitForMutations(client, [...touched]);
    return { deleted, recomputed };
  } finally {
    // The rollup deletes read the key tables while they run: drop them only afterwards.
    await waitForMutations(client, [...touched]).catch(() => undefined);
    for (const { table } of captured) {
      await run(client, `DROP TABLE IF EXISTS ${quoteIdentifier(table)}`, {});
    }
  }
}
