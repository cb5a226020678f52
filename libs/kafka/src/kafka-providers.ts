/**
 * The Nest providers of an app's Kafka: one kafkajs client and, for apps that produce, one
 * reliable producer (connected at start, flushed and closed at application shutdown).
 * The tokens are the app's own: several apps can share a process (single-machine mode), and
 * the logger token is passed in because this lib cannot import the observability lib (its
 * tests depend on the stack tool, which depends on this lib).
 */
import { type Environment } from '@learnpulse/config';
import {
  Inject,
  Injectable,
  type InjectionToken,
  type OnApplicationShutdown,
  type Provider,
  type Type,
} from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { type Logger } from 'pino';
import { checkKafka } from './check-kafka';
import { createKafka } from './create-kafka';
import { ReliableProducer } from './reliable-producer';

export interface KafkaProvidersOptions {
  /** The client id is `KAFKA_CLIENT_ID-<clientIdSuffix>`, usually the app's name. */
  clientIdSuffix: string;
  /** Token the kafkajs `Kafka` client is provided under. */
  kafka: InjectionToken;
  /** Token of the app's pino logger (observability's `LOGGER`). */
  logger: InjectionToken;
  /** When set, a `ReliableProducer` is provided under this token and closed at shutdown. */
  producer?: InjectionToken;
}

/** The client, then (with `producer`) the producer and the provider that closes it. */
export function kafkaProviders(env: Environment, options: KafkaProvidersOptions): Provider[] {
  const providers: Provider[] = [
    {
      provide: options.kafka,
      useFactory: (logger: Logger): Kafka => createKafka(env, options.clientIdSuffix, logger),
      inject: [options.logger],
    },
  ];
  if (options.producer !== undefined) {
    providers.push(
      {
        provide: options.producer,
        useFactory: (kafka: Kafka, logger: Logger): Promise<ReliableProducer> =>
          ReliableProducer.connect(kafka, logger),
        inject: [options.kafka, options.logger],
      },
      producerShutdown(options.producer, options.logger),
    );
  }
  return providers;
}

/** The readiness check of the cluster behind `kafka`, named `kafka` on /health/ready. */
export function kafkaReadinessCheck(kafka: Kafka): { name: string; check: () => Promise<void> } {
  return { name: 'kafka', check: () => checkKafka(kafka) };
}

/** A class per app, since its constructor injects that app's tokens. */
function producerShutdown(
  producerToken: InjectionToken,
  loggerToken: InjectionToken,
): Type<OnApplicationShutdown> {
  @Injectable()
  class ProducerShutdown implements OnApplicationShutdown {
    constructor(
      @Inject(producerToken) private readonly producer: ReliableProducer,
      @Inject(loggerToken) private readonly logger: Logger,
    ) {}

    // Runs after Nest closed the HTTP server, so every accepted request has had its send queued.
    async onApplicationShutdown(): Promise<void> {
      await this.producer.close();
      this.logger.info('kafka producer flushed and closed');
    }
  }
  return ProducerShutdown;
}
