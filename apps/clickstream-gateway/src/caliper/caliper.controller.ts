/**
 * POST /caliper: the Caliper Sensor API endpoint. HTTP only (bearer token, media type, request
 * id); the use case is CaliperService. A sensor sends an envelope as `application/json` (or
 * `application/ld+json`) with `Authorization: Bearer <token>`; 200 once the events are on Kafka.
 */
import { BearerTokenGuard, CurrentTenant } from '@learnpulse/auth';
import { Body, Controller, Headers, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaTypeError } from '../http/http.errors';
import { CALIPER_MEDIA_TYPES, isCaliperMediaType } from '../http/media-type';
import { type CaliperIngestResult, CaliperService } from './caliper.service';

@Controller('caliper')
@UseGuards(BearerTokenGuard)
export class CaliperController {
  constructor(private readonly caliper: CaliperService) {}

  @Post()
  @HttpCode(200)
  async post(
    @CurrentTenant() tenant: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<CaliperIngestResult> {
    if (!isCaliperMediaType(contentType)) {
      throw new UnsupportedMediaTypeError(contentType, CALIPER_MEDIA_TYPES);
    }
    return this.caliper.ingest(typeof body === 'string' ? body : '', {
      tenant,
      requestId: request.id,
    });
  }
}
