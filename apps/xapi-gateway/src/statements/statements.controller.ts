/** POST and PUT /xapi/statements: HTTP only; the use case lives in StatementsService. */
import {
  BasicAuthGuard,
  type Credential,
  CurrentCredential,
  RequireScopes,
} from '@learnpulse/auth';
import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Post,
  Put,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { XapiVersionGuard } from '../http/xapi-version.guard';
import { decodeStatementsRequest } from './statements-request';
import {
  type RequestContext,
  StatementsService,
  type XapiRequestVersion,
} from './statements.service';

type XapiRequest = FastifyRequest & { xapiVersion?: XapiRequestVersion };

function contextOf(credential: Credential, request: XapiRequest): RequestContext {
  return {
    credential,
    requestId: request.id,
    version: request.xapiVersion ?? '2.0.0',
  };
}

@Controller('xapi')
@UseGuards(BasicAuthGuard, XapiVersionGuard)
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Post('statements')
  @HttpCode(200)
  @RequireScopes('statements/write')
  async post(
    @CurrentCredential() credential: Credential,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Req() request: XapiRequest,
  ): Promise<string[]> {
    const decoded = decodeStatementsRequest(contentType, body);
    return this.statements.storeStatements(
      decoded.body,
      decoded.parts,
      contextOf(credential, request),
    );
  }

  @Put('statements')
  @HttpCode(204)
  @RequireScopes('statements/write')
  async put(
    @CurrentCredential() credential: Credential,
    @Query('statementId') statementId: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Req() request: XapiRequest,
  ): Promise<void> {
    const decoded = decodeStatementsRequest(contentType, body);
    await this.statements.putStatement(
      statementId,
      decoded.body,
      decoded.parts,
      contextOf(credential, request),
    );
  }
}
