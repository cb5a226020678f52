/**
 * GET /xapi/statements (HEAD too: Fastify answers it from this route with the same headers and
 * no body). HTTP only; the use case lives in StatementQueriesService.
 */
import {
  BasicAuthGuard,
  type Credential,
  CurrentCredential,
  readsOnlyOwnStatements,
  RequireScopes,
} from '@learnpulse/auth';
import { Controller, Get, Headers, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { encodeMultipartMixed } from '../attachments/multipart';
import { XapiVersionGuard } from '../http/xapi-version.guard';
import { StatementStore } from '../store/statement-store.service';
import { acceptedLanguages } from './statement-format';
import { StatementQueriesService } from './statement-queries.service';
import { InvalidStatementQueryError } from './statement-queries.errors';
import { parseStatementRequest } from './statement-query-params';

export const CONSISTENT_THROUGH_HEADER = 'X-Experience-API-Consistent-Through';

@Controller('xapi')
@UseGuards(BasicAuthGuard, XapiVersionGuard)
export class StatementQueriesController {
  constructor(
    private readonly queries: StatementQueriesService,
    private readonly store: StatementStore,
  ) {}

  @Get('statements')
  @RequireScopes('statements/read')
  async get(
    @CurrentCredential() credential: Credential,
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const { tenant } = credential;
    const consistentThrough = await this.store.consistentThrough(tenant);
    // Set first, so that a 400 or 404 carries it too, as xAPI asks of every answer here.
    void reply.header(CONSISTENT_THROUGH_HEADER, consistentThrough.toISOString());
    const parsed = parseStatementRequest({ ...query });
    if (!parsed.ok) throw new InvalidStatementQueryError(parsed.errors);

    const result = await this.queries.read(parsed.request, {
      tenant,
      // statements/read/mine: only what this credential wrote (its key is the authority name).
      authorityKey: readsOnlyOwnStatements(credential.scopes) ? credential.key : undefined,
      languages: acceptedLanguages(acceptLanguage),
      consistentThrough,
    });
    const lastModified =
      parsed.request.kind === 'single'
        ? result.lastModified
        : (result.lastModified ?? consistentThrough);
    if (lastModified !== null) void reply.header('Last-Modified', lastModified.toUTCString());
    if (result.attachments === null) {
      void reply.header('Content-Type', 'application/json');
      return result.body;
    }
    const multipart = encodeMultipartMixed(result.body, result.attachments);
    void reply.header('Content-Type', multipart.contentType);
    return multipart.body;
  }
}
