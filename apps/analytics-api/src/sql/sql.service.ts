/**
 * A tenant's SQL, run read-only on the warehouse: ClickHouse formats the text into one
 * statement (a second statement is a syntax error), parses it (`EXPLAIN AST`), the policy
 * checks the tree, and the checked text runs with readonly=1, the tenant's table filters and
 * the limits. What was checked is exactly what runs.
 */
import type { Environment } from '@learnpulse/config';
import { SettingsMap } from '@clickhouse/client';
import { CLICKHOUSE, type ClickHouseClient } from '@learnpulse/clickhouse';
import { LOGGER, type Logger } from '@learnpulse/observability';
import { Inject, Injectable } from '@nestjs/common';
import { AnalyticsMetrics } from '../http-metrics/analytics-metrics';
import { ANALYTICS_ENV } from '../warehouse/warehouse.tokens';
import { type AstNode, ExplainAstError, parseExplainAst } from './explain-ast';
import { clickHouseFailureOf, sqlErrorResponse } from './sql-errors';
import type { OutputFormat } from './sql-format';
import { checkSqlPolicy } from './sql-policy';
import { tenantTableFilters } from './tenant-filter';
import { TENANT_READABLE_TABLES } from './tenant-tables';

export const MAX_SQL_LENGTH = 100_000;

export class SqlRejectedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SqlRejectedError';
  }
}

export interface SqlResult {
  body: Buffer;
  contentType: string;
  tables: string[];
}

function readTree(lines: string[]): AstNode {
  try {
    return parseExplainAst(lines);
  } catch (error) {
    if (error instanceof ExplainAstError) {
      throw new SqlRejectedError(400, `the query could not be analysed: ${error.message}`);
    }
    throw error;
  }
}

@Injectable()
export class SqlService {
  private readonly allowed = new Set(TENANT_READABLE_TABLES);

  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    @Inject(ANALYTICS_ENV) private readonly env: Environment,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: AnalyticsMetrics,
  ) {}

  async run(tenant: string, sql: string, format: OutputFormat): Promise<SqlResult> {
    if (sql.trim().length === 0) throw new SqlRejectedError(400, 'the body must hold a SQL query');
    if (sql.length > MAX_SQL_LENGTH) {
      throw new SqlRejectedError(413, `the query may be at most ${MAX_SQL_LENGTH} characters`);
    }
    return this.metrics.timeQuery('sql', async () => {
      const statement = await this.userQuery(() => this.canonical(sql));
      const tree = readTree(await this.userQuery(() => this.explainAst(statement)));
      const verdict = checkSqlPolicy(tree, {
        database: this.env.CLICKHOUSE_DATABASE,
        allowedTables: this.allowed,
        existingTables: await this.existingTables(),
      });
      if (!verdict.ok) {
        this.logger.info({ tenant, reason: verdict.reason }, 'tenant SQL refused');
        throw new SqlRejectedError(403, verdict.reason);
      }
      const body = await this.userQuery(() => this.execute(tenant, statement, format));
      this.logger.info({ tenant, tables: verdict.tables, bytes: body.length }, 'tenant SQL ran');
      return { body, contentType: format.contentType, tables: verdict.tables };
    });
  }

  /** ClickHouse's own formatting of the text: comments gone, exactly one statement. */
  private async canonical(sql: string): Promise<string> {
    const result = await this.clickhouse.query({
      query: 'SELECT formatQuerySingleLine({sql:String}) AS statement',
      query_params: { sql },
      format: 'JSONEachRow',
      clickhouse_settings: { readonly: '1' },
    });
    const [row] = await result.json<{ statement: string }>();
    if (row === undefined) throw new SqlRejectedError(400, 'the query could not be formatted');
    return row.statement;
  }

  /**
   * The tree's lines. The output format is a setting, not a FORMAT clause: ClickHouse would
   * hang that on the explained statement.
   */
  private async explainAst(statement: string): Promise<string[]> {
    const result = await this.clickhouse.exec({
      query: `EXPLAIN AST ${statement}`,
      clickhouse_settings: { default_format: 'TabSeparatedRaw', readonly: '1' },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of result.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n');
  }

  private async existingTables(): Promise<Set<string>> {
    const result = await this.clickhouse.query({
      query: 'SELECT name FROM system.tables WHERE database = {database:String}',
      query_params: { database: this.env.CLICKHOUSE_DATABASE },
      format: 'JSONEachRow',
    });
    return new Set((await result.json<{ name: string }>()).map((row) => row.name));
  }

  private async execute(tenant: string, statement: string, format: OutputFormat): Promise<Buffer> {
    const result = await this.clickhouse.exec({
      query: `${statement}\nFORMAT ${format.clickhouse}`,
      // readonly last: once it is set (the embedded engine runs these as SETs), no setting
      // can change any more, the query's own included.
      clickhouse_settings: {
        additional_table_filters: SettingsMap.from(
          tenantTableFilters(tenant, this.env.CLICKHOUSE_DATABASE, TENANT_READABLE_TABLES),
        ),
        max_execution_time: this.env.ANALYTICS_SQL_MAX_EXECUTION_SECONDS,
        max_memory_usage: String(this.env.ANALYTICS_SQL_MAX_MEMORY_BYTES),
        max_result_rows: String(this.env.ANALYTICS_SQL_MAX_RESULT_ROWS),
        max_result_bytes: String(this.env.ANALYTICS_SQL_MAX_RESULT_BYTES),
        result_overflow_mode: 'throw',
        readonly: '1',
      },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of result.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Runs a step on the caller's SQL: its ClickHouse errors become 4xx with the message. */
  private async userQuery<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      const failure = clickHouseFailureOf(error);
      if (failure === undefined) throw error;
      const response = sqlErrorResponse(failure);
      throw new SqlRejectedError(response.status, response.message);
    }
  }
}
