/**
 * The learning.events.v1 → learner.risk.v1 engine and what it needs: the Kafka client, its
 * metrics, and the readiness check (global, so the observability module's health controller sees it).
 */
import { type Environment } from '@learnpulse/config';
import { kafkaProviders, kafkaReadinessCheck } from '@learnpulse/kafka';
import { LOGGER, METRICS, READINESS_CHECKS, type ReadinessCheck } from '@learnpulse/observability';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { type Registry } from 'prom-client';
import { EngineMetrics } from './engine-metrics';
import { type EngineTopics } from './engine-topics';
import { RiskEngineService } from './risk-engine.service';
import { ENGINE_ENV, ENGINE_TOPICS_TOKEN, KAFKA } from './risk-engine.tokens';

@Global()
@Module({})
export class RiskEngineModule {
  static forRoot(env: Environment, topics: EngineTopics): DynamicModule {
    return {
      module: RiskEngineModule,
      providers: [
        { provide: ENGINE_ENV, useValue: env },
        { provide: ENGINE_TOPICS_TOKEN, useValue: topics },
        ...kafkaProviders(env, { clientIdSuffix: 'risk-engine', kafka: KAFKA, logger: LOGGER }),
        {
          provide: EngineMetrics,
          useFactory: (registry: Registry) => new EngineMetrics(registry),
          inject: [METRICS],
        },
        {
          provide: READINESS_CHECKS,
          useFactory: (kafka: Kafka): ReadinessCheck[] => [kafkaReadinessCheck(kafka)],
          inject: [KAFKA],
        },
        RiskEngineService,
      ],
      exports: [READINESS_CHECKS],
    };
  }
}
