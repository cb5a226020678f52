/** One way every HTTP app starts: Fastify with a body limit, pino logs, request ids, listen. */
import type { Environment } from '@learnpulse/config';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createLogger } from './logger';
import { NestPinoLogger } from './nest-pino-logger';

const LISTEN_BACKLOG = 4096;

export interface CreateNestAppOptions {
  env: Environment;
  app: string;
  port: number;
  /** Extra Fastify setup (content-type parsers, hooks) before routes are registered. */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

export async function createNestApp(
  module: Type<unknown> | DynamicModule,
  { env, app, port, configure }: CreateNestAppOptions,
): Promise<NestFastifyApplication & INestApplication> {
  const logger = createLogger(env, app);
  const adapter = new FastifyAdapter({
    bodyLimit: env.HTTP_BODY_LIMIT_BYTES,
    logger: false,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
  });
  const nest = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestPinoLogger(logger),
  });
  const fastify = nest.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  await configure?.(nest);
  // A deep accept queue: an exam-day burst of thousands of new connections must wait in the
  // kernel, not overflow it (Node's default backlog is 511; the kernel caps it at somaxconn).
  await nest.listen({ port, host: env.HTTP_HOST, backlog: LISTEN_BACKLOG });
  logger.info({ host: env.HTTP_HOST, port }, `${app} listening`);
  return nest;
}
