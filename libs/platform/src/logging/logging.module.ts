import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * nestjs-pino over the given pino logger, so Nest's own `Logger` (what every class here uses)
 * writes through it once the app calls `useLogger`. Its request-scoped part (pino-http
 * middleware, or with `useExisting` Fastify's `request.log`, a silent logger here) is applied to
 * no route: requests are observed by the edge hooks instead (access line with the route
 * pattern), and request and trace ids come from the execution context, which unlike a
 * request-scoped logger also reaches relay batches and consumers.
 */
export function loggingModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] });
}
