/** Nest's framework logs (module init, routes, errors) routed into the app's pino logger. */
import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

function contextOf(params: unknown[]): { context?: string } {
  const last = params[params.length - 1];
  return typeof last === 'string' ? { context: last } : {};
}

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.logger.info(contextOf(params), String(message));
  }
  error(message: unknown, ...params: unknown[]): void {
    const [trace] = params;
    this.logger.error(
      { ...contextOf(params), trace: typeof trace === 'string' ? trace : undefined },
      String(message),
    );
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.logger.warn(contextOf(params), String(message));
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.logger.debug(contextOf(params), String(message));
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.logger.trace(contextOf(params), String(message));
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.logger.fatal(contextOf(params), String(message));
  }
}
