/** Wires the gateway: observability, tenant auth, Kafka, the edX and Caliper routes, the error filter. */
import { AuthModule } from '@learnpulse/auth';
import { type Environment } from '@learnpulse/config';
import { ObservabilityModule } from '@learnpulse/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CaliperModule } from './caliper/caliper.module';
import { type EdxIdentity, EdxEventsModule } from './edx/edx-events.module';
import { GatewayExceptionFilter } from './http/gateway-exception.filter';
import { GatewayKafkaModule } from './kafka/gateway-kafka.module';
import { type LearnerPseudonymsFor } from './learners/learner-identity.tokens';
import { ClickstreamMetricsModule } from './metrics/clickstream-metrics.module';

export const APP_NAME = 'clickstream-gateway';

@Module({})
export class ClickstreamGatewayModule {
  static forRoot(
    env: Environment,
    identity: EdxIdentity,
    pseudonyms: LearnerPseudonymsFor,
  ): DynamicModule {
    return {
      module: ClickstreamGatewayModule,
      imports: [
        ObservabilityModule.forRoot({ app: APP_NAME, env }),
        AuthModule.forRoot(env),
        GatewayKafkaModule.forRoot(env),
        ClickstreamMetricsModule,
        EdxEventsModule.forRoot(identity),
        CaliperModule.forRoot(pseudonyms),
      ],
      providers: [{ provide: APP_FILTER, useClass: GatewayExceptionFilter }],
    };
  }
}
