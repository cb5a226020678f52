/**
 * The gateway's Kafka: one client, one reliable producer (connected at start, flushed and closed
 * at shutdown after the HTTP server stopped taking requests) and the Kafka readiness check.
 * Global because the observability module's health controller reads READINESS_CHECKS.
 */
import { type Environment } from '@learnpulse/config';
import { kafkaProviders, kafkaReadinessCheck } from '@learnpulse/kafka';
import { LOGGER, READINESS_CHECKS, type ReadinessCheck } from '@learnpulse/observability';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { KAFKA, PRODUCER } from './kafka.tokens';

@Global()
@Module({})
export class GatewayKafkaModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: GatewayKafkaModule,
      providers: [
        ...kafkaProviders(env, {
          clientIdSuffix: 'clickstream-gateway',
          kafka: KAFKA,
          logger: LOGGER,
          producer: PRODUCER,
        }),
        {
          provide: READINESS_CHECKS,
          useFactory: (kafka: Kafka): ReadinessCheck[] => [kafkaReadinessCheck(kafka)],
          inject: [KAFKA],
        },
      ],
      exports: [KAFKA, PRODUCER, READINESS_CHECKS],
    };
  }
}
