/** POST /xapi/statements: HTTP only; the use case lives in StatementsService. */
import { BasicAuthGuard, CurrentTenant } from '@learnpulse/auth';
import { Body, Controller, Headers, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaTypeError } from '../http/http.errors';
import { XapiVersionGuard } from '../http/xapi-version.guard';
import { StatementsService } from './statements.service';

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

@Controller('xapi')
@UseGuards(BasicAuthGuard, XapiVersionGuard)
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Post('statements')
  @HttpCode(200)
  async post(
    @CurrentTenant() tenant: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<string[]> {
    // Fastify also parses text/plain; statements must be JSON.
    if (!isJson(contentType)) throw new UnsupportedMediaTypeError(contentType);
    return this.statements.storeStatements(body, { tenant, requestId: request.id });
  }
}
