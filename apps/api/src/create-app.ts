import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import {
  AppConfig,
  createRootLogger,
  edgeServerOptions,
  inputShapePipe,
  installEdgeHooks,
  installEdgeProtection,
  Metrics,
  observeRequests,
  ProblemDetailsFilter,
  serialiseAnswersAsDocumented,
} from '@servertree/platform';
import { AppModule } from './app.module';
import { setUpApiDocs } from './api-docs';

export interface CreateAppOptions {
  /** Where log lines go instead of stdout (tests read them). */
  readonly logDestination?: DestinationStream;
}

/**
 * Builds the HTTP application exactly as it runs in production; tests call this too, so what
 * they exercise is what ships. Fastify, because per-request overhead is the budget we are
 * measured on (see docs/adr/0002-fastify.md).
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config, options.logDestination);
  const adapter = new FastifyAdapter({ ...edgeServerOptions(), trustProxy: true });
  installEdgeHooks(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    adapter,
    // Lines logged while the modules start are kept until pino takes over, below. Nest's own
    // body parsers would add form bodies back: the edge hooks read JSON only.
    { bufferLogs: true, bodyParser: false },
  );
  await installEdgeProtection(app, config);
  app.useLogger(app.get(Logger));
  app.flushLogs();
  observeRequests(adapter.getInstance(), logger, app.get(Metrics));
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'asyncapi.json', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(inputShapePipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  serialiseAnswersAsDocumented(adapter.getInstance(), setUpApiDocs(app));
  logger.info({ context: 'ServerTree' }, `database: ${config.database.kind}`);
  return app;
}
