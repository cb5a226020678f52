/** Wires the gateway: observability, tenant auth, Kafka, the Statement resource, the error filter. */
import { type Environment } from '@learnpulse/config';
import { AuthModule } from '@learnpulse/auth';
import { ObservabilityModule } from '@learnpulse/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GatewayExceptionFilter } from './http/gateway-exception.filter';
import { GatewayKafkaModule } from './kafka/gateway-kafka.module';
import { StatementsModule } from './statements/statements.module';

export const APP_NAME = 'xapi-gateway';

@Module({})
export class XapiGatewayModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: XapiGatewayModule,
      imports: [
        ObservabilityModule.forRoot({ app: APP_NAME, env }),
        AuthModule.forRoot(env),
        GatewayKafkaModule.forRoot(env),
        StatementsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: GatewayExceptionFilter }],
    };
  }
}
