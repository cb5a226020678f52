/**
 * The gateway's Kafka: one client, one reliable producer (connected at start, flushed and closed
 * at shutdown after the HTTP server stopped taking requests) and the Kafka readiness check.
 * Global because the observability module's health controller reads READINESS_CHECKS.
 */
import { type Environment } from '@learnpulse/config';
import { checkKafka, createKafka, ReliableProducer } from '@learnpulse/kafka';
import {
  LOGGER,
  type Logger,
  READINESS_CHECKS,
  type ReadinessCheck,
} from '@learnpulse/observability';
import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { KAFKA, PRODUCER } from './kafka.tokens';

@Injectable()
class ProducerShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PRODUCER) private readonly producer: ReliableProducer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // Runs after Nest closed the HTTP server, so every accepted request has had its send queued.
  async onApplicationShutdown(): Promise<void> {
    await this.producer.close();
    this.logger.info('kafka producer flushed and closed');
  }
}

@Global()
@Module({})
export class GatewayKafkaModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: GatewayKafkaModule,
      providers: [
        {
          provide: KAFKA,
          useFactory: (logger: Logger): Kafka => createKafka(env, 'clickstream-gateway', logger),
          inject: [LOGGER],
        },
        {
          provide: PRODUCER,
          useFactory: (kafka: Kafka, logger: Logger): Promise<ReliableProducer> =>
            ReliableProducer.connect(kafka, logger),
          inject: [KAFKA, LOGGER],
        },
        {
          provide: READINESS_CHECKS,
          useFactory: (kafka: Kafka): ReadinessCheck[] => [
            { name: 'kafka', check: () => checkKafka(kafka) },
          ],
          inject: [KAFKA],
        },
        ProducerShutdown,
      ],
      exports: [KAFKA, PRODUCER, READINESS_CHECKS],
    };
  }
}
