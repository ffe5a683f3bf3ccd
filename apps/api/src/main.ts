// First: tracing instruments http, mysql2 and amqplib as they load (see tracing.ts).
import './tracing';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigurationError } from '@servertree/platform';
import { createApp } from './create-app';
import { stopGracefullyOnSignals } from './graceful-shutdown';

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  const app = await createApp(config);
  stopGracefullyOnSignals(app);
  await app.listen(config.port, config.host);
  Logger.log(
    `listening on http://${config.host}:${config.port} (Swagger UI at /docs)`,
    'ServerTree',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('ServerTree failed to start:', error);
  }
  process.exit(1);
});
