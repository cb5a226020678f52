/**
 * GET /xapi/statements as a use case: one statement by id, or a page of a listing, formatted,
 * with the times the response headers need. Attachments are fetched when asked for.
 */
import { Injectable } from '@nestjs/common';
import { AttachmentStore } from '../attachments/attachment-store.service';
import { type EncodedAttachment } from '../attachments/multipart';
import { StatementStore } from '../store/statement-store.service';
import { formatStatement } from './statement-format';
import { type StatementRequest } from './statement-query-params';
import { StatementNotFoundError } from './statement-queries.errors';

export interface StatementsReadResult {
  /** A statement, or a StatementResult `{ statements, more }`. */
  body: Record<string, unknown>;
  attachments: EncodedAttachment[] | null;
  /** Newest stored time of what is returned, if anything. */
  lastModified: Date | null;
}

export interface ReadContext {
  tenant: string;
  /** statements/read/mine: only statements with this LRS authority key. */
  authorityKey: string | undefined;
  languages: readonly string[];
  consistentThrough: Date;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function storedOf(statement: Json): number | null {
  const ms = typeof statement.stored === 'string' ? Date.parse(statement.stored) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
}

function attachmentHashes(statement: Json): string[] {
  const lists = [statement.attachments];
  if (isObject(statement.object)) lists.push(statement.object.attachments);
  return lists.flatMap((list) =>
    Array.isArray(list)
      ? list.flatMap((a: unknown) => (isObject(a) && typeof a.sha2 === 'string' ? [a.sha2] : []))
      : [],
  );
}

@Injectable()
export class StatementQueriesService {
  constructor(
    private readonly store: StatementStore,
    private readonly attachments: AttachmentStore,
  ) {}

  async read(request: StatementRequest, context: ReadContext): Promise<StatementsReadResult> {
    let body: Json;
    let returned: Json[];
    if (request.kind === 'single') {
      const statement = await this.single(request.statementId, request.voided, context);
      body = formatStatement(statement, request.format, context.languages);
      returned = [body];
    } else {
      const page = await this.page(request, context);
      returned = page.statements.map((s) => formatStatement(s, request.format, context.languages));
      body = { statements: returned, more: page.more };
    }
    const stored = returned.map(storedOf).filter((ms): ms is number => ms !== null);
    const attachments = request.attachments
      ? await this.attachments.fetch(context.tenant, returned.flatMap(attachmentHashes))
      : null;
    return {
      body,
      attachments,
      lastModified: stored.length > 0 ? new Date(Math.max(...stored)) : null,
    };
  }

  private async single(statementId: string, voided: boolean, context: ReadContext): Promise<Json> {
    const view = await this.store.findById(context.tenant, statementId);
    if (view === null || view.voided !== voided) {
      throw new StatementNotFoundError(statementId, voided);
    }
    if (context.authorityKey !== undefined) {
      const authority = view.statement.authority;
      const key =
        isObject(authority) && isObject(authority.account) ? authority.account.name : undefined;
      if (key !== context.authorityKey) throw new StatementNotFoundError(statementId, voided);
    }
    return view.statement;
  }

  private async page(
    request: Exclude<StatementRequest, { kind: 'single' }>,
    context: ReadContext,
  ): Promise<{ statements: Json[]; more: string }> {
    const authority =
      context.authorityKey === undefined ? {} : { authorityKey: context.authorityKey };
    const page =
      request.kind === 'more'
        ? await this.store.query(
            context.tenant,
            { ...request.cursor.filters, ...authority },
            request.cursor.options,
          )
        : await this.store.query(
            context.tenant,
            { ...request.filters, ...authority },
            {
              limit: request.limit,
              ascending: request.ascending,
              // Every page of this listing stays within what was complete when it started.
              bound: context.consistentThrough.getTime(),
            },
          );
    return {
      statements: page.statements,
      more: page.more === null ? '' : moreLink(page.more, request),
    };
  }
}

/** The relative IRL of the next page; format and attachments carry over as parameters. */
function moreLink(token: string, request: { format: string; attachments: boolean }): string {
  const params = new URLSearchParams({ more: token });
  if (request.format !== 'exact') params.set('format', request.format);
  if (request.attachments) params.set('attachments', 'true');
  return `/xapi/statements?${params.toString()}`;
}
