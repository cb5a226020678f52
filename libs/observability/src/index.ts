export { createLogger, type Logger } from './logger';
export { NestPinoLogger } from './nest-pino-logger';
export { ObservabilityModule } from './observability.module';
export type { ObservabilityOptions } from './observability.options';
export { createNestApp, type CreateNestAppOptions } from './create-nest-app';
export { LOGGER, METRICS, READINESS_CHECKS, type ReadinessCheck } from './tokens';
export { runService } from './run-service';
export {
  errorAnswer,
  fastifyClientErrorStatus,
  HTTP_REASONS,
  reasonOf,
  RETRY_AFTER_SECONDS,
  toHttpErrorResponse,
  unavailableAnswer,
} from './http-error-response';
export type { ErrorBody, ErrorResponse } from './http-error-response';
export { ErrorResponseFilter } from './error-response.filter';
