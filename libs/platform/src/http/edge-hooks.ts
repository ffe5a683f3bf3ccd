import { randomUUID } from 'node:crypto';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { ExecutionContext, ExecutionContexts } from '../context/execution-context';
import { TraceContexts } from '../tracing/trace-context';

/** A client-chosen request id is echoed only if it is safe to put in headers and logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Each request's execution context, for hooks that run after the request's async scope. */
const requestContexts = new WeakMap<FastifyRequest, ExecutionContext>();

/** The execution context a request opened (its actor known once authenticated). */
export function executionContextOf(request: FastifyRequest): ExecutionContext | undefined {
  return requestContexts.get(request);
}

/**
 * What happens to every request before Nest routes it: it gets a request id (the client's
 * `X-Request-ID` or a new one), echoed on the response and used as the correlation id of
 * every event the request causes, and a trace context (see TraceContexts.forRequest) that
 * its log lines and events carry; and only JSON bodies are accepted.
 */
export function installEdgeHooks(fastify: FastifyInstance): void {
  fastify.setGenReqId((request) => {
    const given = request.headers['x-request-id'];
    return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-ID', request.id);
    const traceparent = TraceContexts.forRequest(request.headers.traceparent);
    ExecutionContexts.run({ correlationId: request.id, actor: 'anonymous', traceparent }, () => {
      requestContexts.set(request, ExecutionContexts.current());
      done();
    });
  });
  // Fastify parses text/plain by default; this API speaks JSON only, so anything else is a 415.
  fastify.removeContentTypeParser(['text/plain']);
}
