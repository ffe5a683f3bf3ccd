import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { problem, PROBLEM_CONTENT_TYPE, ServiceShutdown } from '@servertree/platform';

/** Orchestrators wait about this long (Kubernetes: 30 s) before they kill; we stay well inside. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * How long requests arriving after the signal are still answered (503, `Connection: close`)
 * before the listener closes. Closing a listening socket at once would reset every connection
 * still waiting in the kernel's accept queue, or accepted but not yet read: clients would get
 * a reset without an answer. Meanwhile readiness fails and the load balancer stops sending.
 */
const REFUSING_PERIOD_MS = 1_000;

const RETRY_AFTER_SECONDS = 1;

/**
 * On SIGTERM or SIGINT: readiness fails at once; requests in flight finish; every request
 * arriving from now on is answered 503 problem+json with `Retry-After` and `Connection:
 * close` for REFUSING_PERIOD_MS, then the listener closes and new connections are refused.
 * Only then do the modules stop: the relay delivers what is still pending, consumers are
 * cancelled before their channel closes, then the broker connection and the database pool
 * close. Exit 0, or 1 past SHUTDOWN_DEADLINE_MS.
 */
export function stopGracefullyOnSignals(app: NestFastifyApplication): void {
  const logger = new Logger('Shutdown');
  const stop = async (signal: NodeJS.Signals) => {
    logger.log(`${signal}: refusing new connections, finishing requests in flight`);
    setTimeout(() => {
      logger.error(`still stopping after ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.get(ServiceShutdown).begin();
    try {
      refuseNewRequests(app.getHttpServer());
      await delay(REFUSING_PERIOD_MS);
      await app.getHttpAdapter().getInstance().close();
      logger.log('requests in flight finished; stopping the modules');
      await app.close();
      logger.log('stopped');
      process.exit(0);
    } catch (error) {
      logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => void stop(signal));
}

/** Requests already dispatched stay with Fastify; every later one gets a 503 from here. */
function refuseNewRequests(server: Server): void {
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.stringify(
      problem('unavailable', 503, 'The service is shutting down; retry on another instance.'),
    );
    request.resume();
    response.writeHead(503, {
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(body),
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'X-Request-ID': randomUUID(),
      Connection: 'close',
    });
    response.end(body);
  });
}
