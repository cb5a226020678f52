/** POST /v1/sql — HTTP only: authenticate, read the text body and format, run, answer. */
import { BasicAuthGuard, CurrentTenant, RequireScopes } from '@learnpulse/auth';
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
import {
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponse, ApiTenantAuth } from '../openapi/openapi.decorators';
import { ANALYTICS_READ_SCOPE } from '../params/analytics-scope';
import { badRequest } from '../params/param-error';
import { parseSqlQuery, SQL_FORMATS } from './sql-format';
import { TENANT_READABLE_TABLES } from './tenant-tables';
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

@ApiTags('sql')
@ApiTenantAuth()
@Controller('v1/sql')
@UseGuards(BasicAuthGuard)
@RequireScopes(ANALYTICS_READ_SCOPE)
export class SqlController {
  constructor(private readonly sql: SqlService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run one read-only SELECT on the warehouse, over your tenant’s rows only',
    description: `The body is the SQL (Content-Type: text/plain). ClickHouse parses it; it must be one SELECT (WITH, subqueries, JOIN, UNION allowed) reading only these tables, each filtered to your tenant: ${TENANT_READABLE_TABLES.join(', ')}. Refused with 403 and the reason: any other statement, table functions, other databases (system.*), views and other tables, SETTINGS, FORMAT and INTO OUTFILE clauses, file(), dictGet(), joinGet() and similar functions. Runs with readonly=1 and time, memory and result-size limits.`,
  })
  @ApiConsumes('text/plain')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'SELECT day, sum(events) FROM course_daily_activity GROUP BY day',
    },
  })
  @ApiQuery({
    name: 'format',
    required: false,
    schema: { type: 'string', enum: [...SQL_FORMATS], default: 'JSONEachRow' },
    description: 'CSV and TSV have a header row',
  })
  @ApiProduces(
    'application/x-ndjson',
    'text/csv',
    'text/tab-separated-values',
    'application/vnd.apache.parquet',
  )
  @ApiResponse({ status: 200, description: 'the result in the format asked for' })
  @ApiErrorResponse(403, 'the query breaks a rule of tenant SQL (the message names it)')
  @ApiErrorResponse(413, 'the query text or its result is larger than the limit')
  @ApiErrorResponse(415, 'the body is not text/plain')
  @ApiErrorResponse(422, 'the query ran out of time or memory')
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
