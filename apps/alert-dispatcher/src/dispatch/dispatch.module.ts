/**
 * The learner.risk.v1 → webhooks dispatcher and what it needs: the Kafka client, its metrics,
 * and the readiness check (global, so the observability module's health controller sees it).
 */
import { type Environment } from '@learnpulse/config';
import { kafkaProviders, kafkaReadinessCheck } from '@learnpulse/kafka';
import { LOGGER, METRICS, READINESS_CHECKS, type ReadinessCheck } from '@learnpulse/observability';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { type Registry } from 'prom-client';
import { AlertDispatcherService } from './alert-dispatcher.service';
import { type AlertTopics } from './alert-topics';
import { DispatcherMetrics } from './dispatcher-metrics';
import { DISPATCHER_ENV, DISPATCHER_TOPICS, KAFKA } from './dispatcher.tokens';

@Global()
@Module({})
export class DispatchModule {
  static forRoot(env: Environment, topics: AlertTopics): DynamicModule {
    return {
      module: DispatchModule,
      providers: [
        { provide: DISPATCHER_ENV, useValue: env },
        { provide: DISPATCHER_TOPICS, useValue: topics },
        ...kafkaProviders(env, {
          clientIdSuffix: 'alert-dispatcher',
          kafka: KAFKA,
          logger: LOGGER,
        }),
        {
          provide: DispatcherMetrics,
          useFactory: (registry: Registry) => new DispatcherMetrics(registry),
          inject: [METRICS],
        },
        {
          provide: READINESS_CHECKS,
          useFactory: (kafka: Kafka): ReadinessCheck[] => [kafkaReadinessCheck(kafka)],
          inject: [KAFKA],
        },
        AlertDispatcherService,
      ],
      exports: [READINESS_CHECKS],
    };
  }
}
