/**
 * Logs, metrics and health for one app. Global, so feature modules inject LOGGER and METRICS
 * without importing it. Each app gets its own metrics registry, so several apps can share a
 * process (single-machine mode) without clashing metric names.
 */
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HealthController } from './health.controller';
import { createLogger } from './logger';
import { MetricsController } from './metrics.controller';
import type { ObservabilityOptions } from './observability.options';
import { LOGGER, METRICS, OBSERVABILITY_OPTIONS } from './tokens';

@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [MetricsController, HealthController],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: LOGGER, useValue: createLogger(options.env, options.app) },
        {
          provide: METRICS,
          useFactory: (): Registry => {
            const registry = new Registry();
            registry.setDefaultLabels({ app: options.app });
            collectDefaultMetrics({ register: registry, prefix: 'learnpulse_' });
            return registry;
          },
        },
      ],
      exports: [LOGGER, METRICS, OBSERVABILITY_OPTIONS],
    };
  }
}
