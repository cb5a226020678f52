/**
 * Lets Fastify accept multipart/mixed statement requests: the body is handed to the route as
 * a raw Buffer (within the body limit) and split by `parseMultipartMixed` in the use case.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

type BodyDone = (error: Error | null, body?: Buffer) => void;

export function registerMultipartParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(
    'multipart/mixed',
    { parseAs: 'buffer', bodyLimit },
    (_request: FastifyRequest, body: Buffer, done: BodyDone) => {
      done(null, body);
    },
  );
}
