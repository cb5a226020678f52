/**
 * Which tables hold a learner and how each is erased, derived from the catalogue alone:
 * - learner tables: every MergeTree-family table with `tenant` and `learner_id` columns (raw
 *   events, per-learner rollups, risk): the learner's rows are deleted;
 * - the LRS statement store (`xapi_statements`, `xapi_attachments`): statements whose actor or
 *   related agents are the learner, and attachments no other statement refers to;
 * - recomputed rollups: a materialized view from one of those tables into a table without a
 *   learner column (e.g. uniq states per course and day) mixes learners, so its rows for the
 *   keys the learner touched are deleted and re-inserted by running the view's own SELECT over
 *   the source rows of the other learners.
 * A view that cannot be recomputed safely stops the plan: leaving the learner in a rollup
 * silently is worse than refusing the erase.
 */
import { type CatalogueTable, type WarehouseCatalogue } from './warehouse-catalogue';

export const STATEMENT_STORE = 'xapi_statements';
export const ATTACHMENT_STORE = 'xapi_attachments';

export class ErasurePlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErasurePlanError';
  }
}

/** A mixed rollup rebuilt for the affected keys. */
export interface RollupRecompute {
  readonly view: string;
  readonly source: string;
  readonly target: string;
  /** The target's sorting key: the grouping key of its rows. */
  readonly keys: readonly string[];
  /** The view's output columns, inserted into the target by name. */
  readonly columns: readonly string[];
  /** The view's SELECT with its source replaced by the source rows matching `filter`. */
  readonly selectOver: (filter: string) => string;
}

export interface ErasurePlan {
  readonly learnerTables: readonly string[];
  readonly statementStore: boolean;
  readonly attachmentStore: boolean;
  readonly recomputes: readonly RollupRecompute[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

function hasColumn(table: CatalogueTable, name: string): boolean {
  return table.columns.some((column) => column.name === name);
}

function isDataTable(table: CatalogueTable): boolean {
  return table.engine.endsWith('MergeTree');
}

export function isLearnerTable(table: CatalogueTable): boolean {
  return isDataTable(table) && hasColumn(table, 'tenant') && hasColumn(table, 'learner_id');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function recomputeOf(
  catalogue: WarehouseCatalogue,
  view: CatalogueTable,
  source: CatalogueTable,
  target: CatalogueTable,
): RollupRecompute {
  const problem = (rule: string): ErasurePlanError =>
    new ErasurePlanError(
      `cannot recompute rollup ${target.name} (view ${view.name} from ${source.name}): ${rule}`,
    );
  const columns = view.columns.map((column) => column.name);
  if (target.sortingKey.length === 0) throw problem('the target has no sorting key');
  for (const key of target.sortingKey) {
    if (!IDENTIFIER.test(key) || !columns.includes(key)) {
      throw problem(`sorting key part "${key}" is not an output column of the view`);
    }
  }
  if (target.views.length > 0) {
    throw problem(`the target feeds further views (${target.views.join(', ')})`);
  }
  const from = new RegExp(
    `\\bFROM ${escapeRegExp(`${catalogue.database}.${source.name}`)}(?![A-Za-z0-9_.])`,
    'g',
  );
  const occurrences = view.asSelect.match(from)?.length ?? 0;
  if (occurrences !== 1) {
    throw problem(`its SELECT reads ${source.name} ${String(occurrences)} times, expected once`);
  }
  const qualified = `${quoteIdentifier(catalogue.database)}.${quoteIdentifier(source.name)}`;
  return {
    view: view.name,
    source: source.name,
    target: target.name,
    keys: target.sortingKey,
    columns,
    selectOver: (filter) =>
      view.asSelect.replace(
        from,
        () =>
          `FROM (SELECT * FROM ${qualified} WHERE ${filter}) AS ${quoteIdentifier(source.name)}`,
      ),
  };
}

export function planErasure(catalogue: WarehouseCatalogue): ErasurePlan {
  const byName = new Map(catalogue.tables.map((table) => [table.name, table]));
  const statementStore = byName.get(STATEMENT_STORE);
  const holdsLearner = (table: CatalogueTable): boolean =>
    isLearnerTable(table) || table === statementStore;
  const learnerSources = catalogue.tables.filter(holdsLearner);
  const recomputes: RollupRecompute[] = [];
  for (const source of learnerSources) {
    for (const viewName of source.views) {
      const view = byName.get(viewName);
      if (view?.engine !== 'MaterializedView') continue;
      const target = view.target === undefined ? undefined : byName.get(view.target);
      if (target === undefined) {
        throw new ErasurePlanError(
          `cannot erase through view ${view.name}: its target table is not in ${catalogue.database}`,
        );
      }
      // A target that holds learners itself is erased by its own delete.
      if (holdsLearner(target)) continue;
      recomputes.push(recomputeOf(catalogue, view, source, target));
    }
  }
  return {
    learnerTables: catalogue.tables.filter(isLearnerTable).map((table) => table.name),
    statementStore: statementStore !== undefined,
    attachmentStore: byName.has(ATTACHMENT_STORE),
    recomputes,
  };
}
