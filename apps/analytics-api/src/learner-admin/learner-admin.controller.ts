/**
 * POST /admin/v1/learners/erase and /admin/v1/learners/export — operator endpoints (bearer
 * ADMIN_TOKEN) behind `learnpulse learner erase|export` while the service owns the warehouse.
 * HTTP only: authenticate, check the body, run the use case, map its errors to 4xx.
 */
import {
  ErasurePlanError,
  MutationError,
  GdprRequestError,
  type ErasureReport,
  type LearnerExport,
} from '@learnpulse/gdpr';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  HttpCode,
  Post,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { AdminTokenGuard } from './admin-token.guard';
import {
  type FieldError,
  parseLearnerAdminRequest,
  type LearnerAdminRequest,
} from './learner-admin-request';
import { LearnerAdminService } from './learner-admin.service';

function badRequest(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((e) => `${e.field}: ${e.rule}`).join('; '),
    errors,
  });
}

function parsed(body: unknown): LearnerAdminRequest {
  const result = parseLearnerAdminRequest(body);
  if (!result.ok) throw badRequest(result.errors);
  return result.request;
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GdprRequestError)
      throw badRequest([{ field: error.field, rule: error.rule }]);
    if (error instanceof ErasurePlanError) throw new ConflictException(error.message);
    // The deletes were submitted; ClickHouse has not applied them yet (or refused one).
    if (error instanceof MutationError) throw new ServiceUnavailableException(error.message);
    throw error;
  }
}

@Controller('admin/v1/learners')
@UseGuards(AdminTokenGuard)
export class LearnerAdminController {
  constructor(private readonly admin: LearnerAdminService) {}

  @Post('erase')
  @HttpCode(200)
  async erase(@Body() body: unknown): Promise<ErasureReport> {
    const request = parsed(body);
    return mapped(() =>
      this.admin.erase(request.tenant, request.learner, {
        by: request.requestedBy ?? 'admin-api',
        via: 'admin-api',
      }),
    );
  }

  @Post('export')
  @HttpCode(200)
  async export(@Body() body: unknown): Promise<LearnerExport> {
    const request = parsed(body);
    const report = await mapped(() =>
      this.admin.export(request.tenant, request.learner, {
        by: request.requestedBy ?? 'admin-api',
        via: 'admin-api',
      }),
    );
    return report.document;
  }
}
