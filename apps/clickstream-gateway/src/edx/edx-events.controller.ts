/** POST /edx/events: HTTP only (credential, media type, request id); the use case is EdxEventsService. */
import {
  BasicAuthGuard,
  type Credential,
  CurrentCredential,
  RequireScopes,
} from '@learnpulse/auth';
import { Body, Controller, Headers, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaTypeError } from '../http/http.errors';
import { EDX_MEDIA_TYPES, edxBodyFormat } from '../http/media-type';
import { type EdxIngestResult, EdxEventsService } from './edx-events.service';

@Controller('edx')
@UseGuards(BasicAuthGuard)
export class EdxEventsController {
  constructor(private readonly events: EdxEventsService) {}

  @Post('events')
  @HttpCode(200)
  // The LRS's write scope: the events become xAPI statements of the same store.
  @RequireScopes('statements/write')
  async post(
    @CurrentCredential() credential: Credential,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<EdxIngestResult> {
    const format = edxBodyFormat(contentType);
    if (format === undefined) throw new UnsupportedMediaTypeError(contentType, EDX_MEDIA_TYPES);
    return this.events.ingest(format, typeof body === 'string' ? body : '', {
      credential,
      requestId: request.id,
    });
  }
}
