import { Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppConfig,
  edgeServerOptions,
  inputShapePipe,
  installEdgeHooks,
  installEdgeProtection,
  ProblemDetailsFilter,
} from '@servertree/platform';
import { AppModule } from './app.module';
import { setUpApiDocs } from './api-docs';

/**
 * Builds the HTTP application exactly as it runs in production; tests call this too, so what
 * they exercise is what ships. Fastify, because per-request overhead is the budget we are
 * measured on (see docs/adr/0002-fastify.md).
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ ...edgeServerOptions(), trustProxy: true });
  installEdgeHooks(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: loggerLevels(config.logLevel),
    bufferLogs: false,
    bodyParser: false,
  });
  await installEdgeProtection(app, config);
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'asyncapi.json', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(inputShapePipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setUpApiDocs(app);
  Logger.log(`database: ${config.database.kind}`, 'ServerTree');
  return app;
}

function loggerLevels(
  level: AppConfig['logLevel'],
): ('error' | 'warn' | 'log' | 'debug' | 'fatal')[] {
  const order = ['fatal', 'error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1) as (
    'error' | 'warn' | 'log' | 'debug' | 'fatal'
  )[];
}
