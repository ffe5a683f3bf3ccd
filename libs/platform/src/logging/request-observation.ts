import { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { executionContextOf } from '../http/edge-hooks';
import { Metrics } from '../metrics/metrics';
import { TraceContexts } from '../tracing/trace-context';

/** Requests that matched no route share one label, so scanners cannot grow the series. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * One access line and one latency observation per answered request, labelled by the route
 * pattern (`/api/v1/servers/:id`), never the raw URL, so cardinality stays bounded. A Fastify
 * hook rather than pino-http: only Fastify knows the pattern and the time it took.
 */
export function observeRequests(fastify: FastifyInstance, logger: Logger, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const status = reply.statusCode;
    const durationMs = reply.elapsedTime;
    metrics.httpRequestDuration.observe(
      { method: request.method, route, status: String(status) },
      durationMs / 1000,
    );
    const context = executionContextOf(request);
    logger.info(
      {
        requestId: request.id,
        traceId: TraceContexts.traceIdOf(context?.traceparent),
        method: request.method,
        route,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        actor: context?.actor ?? 'anonymous',
      },
      'request completed',
    );
    done();
  });
}
