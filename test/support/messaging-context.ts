import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleLogger, INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MessagingModule } from '@servertree/messaging';
import { AppConfig, createRootLogger, PlatformModule } from '@servertree/platform';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { createTestDatabase, TestDatabase } from './mariadb';
import type { TestBroker, TestQueue } from './rabbitmq';
import { useOnBroker } from './test-app';

export interface MessagingContext {
  readonly context: INestApplicationContext;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The shared infrastructure (database, command bus, event delivery) plus the given modules,
 * without HTTP: for testing delivery with test-only commands and consumers. Like startTestApp,
 * it runs on a database of its own, dropped on close.
 */
export async function startMessagingContext(
  options: {
    database: 'mysql' | 'sqlite';
    env?: Record<string, string>;
    /** Rewrites the MariaDB URL the context gets, e.g. to reach it through a TcpProxy. */
    databaseUrl?: (url: string) => string;
  },
  imports: ModuleMetadata['imports'],
): Promise<MessagingContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'servertree-messaging-'));
  const database: TestDatabase | undefined =
    options.database === 'mysql' ? await createTestDatabase('messaging') : undefined;
  const config = AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ...(database ? { DATABASE_URL: options.databaseUrl?.(database.url) ?? database.url } : {}),
    ...options.env,
  });
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(config, migrations, createRootLogger(config)),
      MessagingModule.forRoot(config),
      ...(imports ?? []),
    ],
  })
    .setLogger(new ConsoleLogger({ logLevels: ['error', 'fatal'] }))
    .compile();
  const context = await module.init();
  return {
    context,
    dataSource: context.get(DataSource),
    async close() {
      await context.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * startMessagingContext (on MariaDB) for the enclosing describe, on a corner of the broker of
 * its own (TestBroker `name`), with a queue that hears every event; see useOnBroker.
 */
export function useMessagingContextOnBroker(
  name: string,
  imports: ModuleMetadata['imports'],
): { readonly m: MessagingContext; readonly broker: TestBroker; readonly queue: TestQueue } {
  const {
    started: m,
    broker,
    queue,
  } = useOnBroker(
    name,
    (env) => startMessagingContext({ database: 'mysql', env }, imports),
    (context) => context.context,
  );
  return { m, broker, queue };
}
