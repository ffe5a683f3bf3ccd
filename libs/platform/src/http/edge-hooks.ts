import { randomUUID } from 'node:crypto';
import { FastifyInstance } from 'fastify';
import { ExecutionContexts } from '../context/execution-context';

/** A client-chosen request id is echoed only if it is safe to put in headers and logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * What happens to every request before Nest routes it: it gets a request id (the client's
 * `X-Request-ID` or a new one), echoed on the response and used as the correlation id of
 * every event the request causes; and only JSON bodies are accepted.
 */
export function installEdgeHooks(fastify: FastifyInstance): void {
  fastify.setGenReqId((request) => {
    const given = request.headers['x-request-id'];
    return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-ID', request.id);
    ExecutionContexts.run({ correlationId: request.id, actor: 'anonymous' }, done);
  });
  // Fastify parses text/plain by default; this API speaks JSON only, so anything else is a 415.
  fastify.removeContentTypeParser(['text/plain']);
}
