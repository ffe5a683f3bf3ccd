import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, Role } from '@servertree/platform';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/create-app';
import type { LogCapture } from './log-capture';
import { createTestDatabase, TestDatabase } from './mariadb';
import { TestBroker, TestQueue } from './rabbitmq';

export const TEST_JWT_SECRET = 'test-secret-for-servertree-e2e-tests-only-0123456789';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  /**
   * supertest against the running HTTP server, with a bearer token for `role` (admin unless
   * said otherwise; `anonymous` sends none).
   */
  http(role?: Role | 'anonymous', subject?: string): request.Agent;
  /** A valid token for the test app's secret. */
  token(claims: object, expiresIn?: string | number): string;
  /** The app's own DataSource, for asserting on stored rows. */
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** `mysql` (default): a fresh MariaDB database for this app; `sqlite`: a temp file. */
  readonly database?: 'mysql' | 'sqlite';
  /** Extra environment, e.g. RABBITMQ_URL and a unique RABBITMQ_EXCHANGE. */
  readonly env?: Record<string, string>;
  /** Rewrites the MariaDB URL the app gets, e.g. to reach it through a TcpProxy. */
  readonly databaseUrl?: (url: string) => string;
  /** Receives the app's log lines instead of stdout. */
  readonly logs?: LogCapture;
}

/**
 * The whole service, built exactly as main.ts builds it, on a database of its own that is
 * dropped on close. Tests therefore run in parallel and never see each other's data.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'servertree-test-'));
  const database: TestDatabase | undefined =
    (options.database ?? 'mysql') === 'mysql' ? await createTestDatabase('e2e') : undefined;
  const config = AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...(database ? { DATABASE_URL: options.databaseUrl?.(database.url) ?? database.url } : {}),
    ...options.env,
  });
  const app = await createApp(config, { logDestination: options.logs });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const token = (claims: object, expiresIn: string | number = '1h') =>
    sign(claims, TEST_JWT_SECRET, { expiresIn: expiresIn as number, algorithm: 'HS256' });
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    token,
    http: (role = 'admin', subject = `test-${role}`) => {
      const agent = request.agent(app.getHttpServer());
      return role === 'anonymous'
        ? agent
        : agent.set('Authorization', `Bearer ${token({ sub: subject, roles: [role] })}`);
    },
    async close() {
      await app.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the app before the enclosing describe's tests and closes it after them, so a suite
 * states what app it needs in one line. The handle forwards to the started app; touching it
 * outside a test or hook (before it started) is a mistake in the suite, said loudly.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  return startedInBeforeAll(() => started, 'useTestApp: the app');
}

/**
 * useTestApp on a corner of the broker of its own (TestBroker `name`), with a queue that hears
 * every event.
 */
export function useTestAppOnBroker(name: string): {
  readonly t: TestApp;
  readonly broker: TestBroker;
  readonly queue: TestQueue;
} {
  const {
    started: t,
    broker,
    queue,
  } = useOnBroker(
    name,
    (env) => startTestApp({ env }),
    (app) => app.app,
  );
  return { t, broker, queue };
}

/**
 * Starts what `start` builds (an app, a messaging context) for the enclosing describe, on a
 * corner of the broker of its own (TestBroker `name`) with a queue that hears every event: both
 * exist before it starts, so the queue misses nothing it publishes. After the tests it is closed
 * and the broker cleaned up, consumer queues included. The handles forward to what started.
 */
export function useOnBroker<T extends { close(): Promise<void> }>(
  name: string,
  start: (env: Record<string, string>) => Promise<T>,
  contextOf: (started: T) => INestApplicationContext,
): { readonly started: T; readonly broker: TestBroker; readonly queue: TestQueue } {
  let started: { started: T; broker: TestBroker; queue: TestQueue } | undefined;
  let broker: TestBroker | undefined;
  beforeAll(async () => {
    broker = await TestBroker.create(name);
    const queue = await broker.listen('#');
    const running = await start(broker.env());
    broker.adoptConsumerQueuesOf(contextOf(running));
    started = { started: running, broker, queue };
  });
  afterAll(async () => {
    await started?.started.close();
    await broker?.cleanUp();
  });
  const what = `the broker corner ${name} and what runs on it`;
  return {
    started: startedInBeforeAll(() => started?.started, what),
    broker: startedInBeforeAll(() => started?.broker, what),
    queue: startedInBeforeAll(() => started?.queue, what),
  };
}

/** A handle that forwards to what a beforeAll started, and says so when used before that. */
function startedInBeforeAll<T extends object>(started: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = started();
      if (!target) throw new Error(`${what} is started in beforeAll, use it in a test`);
      return Reflect.get(target, property);
    },
  });
}
