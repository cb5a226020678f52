/** POST /v1/sql — HTTP only: authenticate, read the text body and format, run, answer. */
import { BasicAuthGuard, CurrentTenant } from '@learnpulse/auth';
import {
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpException,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { badRequest } from '../params/param-error';
import { parseSqlQuery } from './sql-format';
import { SqlRejectedError, SqlService } from './sql.service';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
};

function rejection(status: number, message: string): HttpException {
  return new HttpException({ statusCode: status, error: STATUS_TEXT[status], message }, status);
}

@Controller('v1/sql')
@UseGuards(BasicAuthGuard)
export class SqlController {
  constructor(private readonly sql: SqlService) {}

  @Post()
  @HttpCode(200)
  async run(
    @CurrentTenant() tenant: string,
    @Query() query: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!/^text\/plain(;|$)/i.test(contentType ?? '') || typeof body !== 'string') {
      throw rejection(415, 'the SQL must be sent as the body with Content-Type: text/plain');
    }
    const format = parseSqlQuery(query);
    if (!format.ok) throw badRequest(format.errors);
    try {
      const result = await this.sql.run(tenant, body, format.format);
      void reply.header('Content-Type', result.contentType);
      return result.body;
    } catch (error) {
      if (error instanceof SqlRejectedError) throw rejection(error.status, error.message);
      throw error;
    }
  }
}
