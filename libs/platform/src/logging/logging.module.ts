import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * nestjs-pino over the given pino logger, so Nest's own `Logger` (what every class here uses)
 * writes through it once the app calls `useLogger`. `useExisting`: the request-scoped part of
 * nestjs-pino is pino-http middleware, and Fastify requests are observed by the edge hooks
 * instead (access line with the route pattern, request id from the execution context).
 */
export function loggingModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true });
}
