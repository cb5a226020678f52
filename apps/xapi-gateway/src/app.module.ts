/** Wires the gateway: observability, tenant auth, Kafka, the Statement resource, the error filter. */
import { type Environment } from '@learnpulse/config';
import { AuthModule } from '@learnpulse/auth';
import { ObservabilityModule } from '@learnpulse/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AboutModule } from './about/about.module';
import { GatewayExceptionFilter } from './http/gateway-exception.filter';
import { GatewayKafkaModule } from './kafka/gateway-kafka.module';
import { StatementQueriesModule } from './statement-queries/statement-queries.module';
import { StatementsModule } from './statements/statements.module';
import { KnownIdsModule } from './known-ids/known-ids.module';
import { LearnerPseudonymsModule } from './learners/learner-pseudonyms.module';
import { StoreModule } from './store/store.module';

export const APP_NAME = 'xapi-gateway';

@Module({})
export class XapiGatewayModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: XapiGatewayModule,
      imports: [
        ObservabilityModule.forRoot({ app: APP_NAME, env }),
        AuthModule.forRoot(env),
        LearnerPseudonymsModule.forRoot(env),
        GatewayKafkaModule.forRoot(env),
        StoreModule.forRoot(env),
        KnownIdsModule.forRoot(env),
        StatementQueriesModule,
        StatementsModule,
        AboutModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: GatewayExceptionFilter }],
    };
  }
}
