/**
 * The LRS statement store, read side: statements warehouse-writer put into ClickHouse
 * (`xapi_statements`, `xapi_voided_statements`), always within one tenant.
 */
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { LookupBatcher } from './lookup-batcher';
import { RecentPageWindow } from './recent-page-window';
import { encodeCursor } from './statement-cursor';
import {
  listStatementsQuery,
  type SqlQuery,
  statementsByIdsQuery,
  type StatementQueryFilters,
  type StatementQueryOptions,
} from './statement-query';
import { StatementRefTenants } from './statement-ref-tenants';
import { WRITER_PROGRESS } from './store.tokens';
import { type WriterProgress } from './writer-progress';

export interface StoredStatementView {
  /** The stored JSON, including id, stored, authority and version. */
  statement: Record<string, unknown>;
  voided: boolean;
  isVoiding: boolean;
  voidedTargetId: string | null;
}

export interface StatementPage {
  statements: Record<string, unknown>[];
  /** Cursor of the next page (see statement-cursor.ts), null on the last page. */
  more: string | null;
}

interface ByIdRow {
  statement_id: string;
  statement: string;
  is_voiding: number | string;
  voided_target_id: string | null;
  voided: number | string | boolean;
}

interface ListRow {
  statement_id: string;
  stored_ms: string | number;
  statement: string;
}

@Injectable()
export class StatementStore implements OnApplicationShutdown {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    @Inject(WRITER_PROGRESS) private readonly progress: WriterProgress,
    private readonly statementRefTenants: StatementRefTenants,
  ) {}

  /** The statement with this id, voided ones included (callers decide), or null. */
  async findById(tenant: string, statementId: string): Promise<StoredStatementView | null> {
    return (await this.findByIds(tenant, [statementId])).get(statementId.toLowerCase()) ?? null;
  }

  /** The statements with these ids (keys in lower case), voided ones included, in one query. */
  async findByIds(
    tenant: string,
    statementIds: readonly string[],
  ): Promise<Map<string, StoredStatementView>> {
    if (statementIds.length === 0) return new Map();
    // Concurrent requests share one query; each caller sees only the ids it asked for.
    const all = await this.lookups.load(tenant, statementIds);
    const found = new Map<string, StoredStatementView>();
    for (const id of statementIds) {
      const view = all.get(id.toLowerCase());
      if (view !== undefined) found.set(id.toLowerCase(), view);
    }
    return found;
  }

  private readonly recentWindow = new RecentPageWindow();

  private readonly lookups = new LookupBatcher((tenant: string, ids: readonly string[]) =>
    this.queryByIds(tenant, ids),
  );

  private async queryByIds(
    tenant: string,
    statementIds: readonly string[],
  ): Promise<Map<string, StoredStatementView>> {
    const found = new Map<string, StoredStatementView>();
    for (const row of await this.rows<ByIdRow>(statementsByIdsQuery(tenant, statementIds))) {
      found.set(row.statement_id.toLowerCase(), {
        statement: JSON.parse(row.statement) as Record<string, unknown>,
        voided: Number(row.voided) === 1 || row.voided === true,
        isVoiding: Number(row.is_voiding) === 1,
        voidedTargetId: row.voided_target_id,
      });
    }
    return found;
  }

  /** One page of the tenant's non-voided statements matching the filters. */
  async query(
    tenant: string,
    filters: StatementQueryFilters,
    options: StatementQueryOptions,
  ): Promise<StatementPage> {
    const references = this.statementRefTenants.mayHold(tenant, options.bound);
    const rows = await this.pageRows(tenant, filters, options, references);
    // The query reads limit + 1 statements: more exist when it found them all.
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    const more =
      rows.length > options.limit && last !== undefined
        ? encodeCursor({
            filters: withoutAuthorityKey(filters),
            options: {
              ...options,
              after: { stored: Number(last.stored_ms), id: last.statement_id },
            },
          })
        : null;
    return {
      statements: page.map((row) => JSON.parse(row.statement) as Record<string, unknown>),
      more,
    };
  }

  /**
   * The page's rows (limit + 1 at most): first within the tenant's recent window when one
   * applies, which is exact when it fills the page, else over the whole listing.
   */
  private async pageRows(
    tenant: string,
    filters: StatementQueryFilters,
    options: StatementQueryOptions,
    references: boolean,
  ): Promise<ListRow[]> {
    const since = this.recentWindow.sinceFor(tenant, filters, options);
    if (since !== undefined) {
      const recent = await this.rows<ListRow>(
        listStatementsQuery(tenant, { ...filters, since }, options, references),
      );
      if (recent.length > options.limit) return recent;
      this.recentWindow.widen(tenant);
    }
    return this.rows<ListRow>(listStatementsQuery(tenant, filters, options, references));
  }

  /** Every statement stored before this time is readable (X-Experience-API-Consistent-Through). */
  // The writer's progress is per partition, shared by all tenants: the answer is the same.
  async consistentThrough(tenant: string): Promise<Date> {
    if (tenant === '') throw new Error('a tenant is required');
    return new Date(await this.progress.consistentThrough());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.progress.close();
  }

  private async rows<Row>({ query, params }: SqlQuery): Promise<Row[]> {
    const result = await this.clickhouse.query({
      query,
      query_params: params,
      format: 'JSONEachRow',
    });
    return result.json<Row>();
  }
}

/** read/mine comes from the credential of each request, never from a cursor. */
function withoutAuthorityKey(
  filters: StatementQueryFilters,
): Omit<StatementQueryFilters, 'authorityKey'> {
  const rest = { ...filters };
  delete rest.authorityKey;
  return rest;
}
