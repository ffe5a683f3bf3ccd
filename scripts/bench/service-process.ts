import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { ApplicationDiscardedConsumer } from '@servertree/servers';
import { ConsumerSubscription, IntegrationEventConsumer } from '@servertree/messaging';

const ROOT = join(__dirname, '../..');

/**
 * The names of the service's consumers, whose queues it declares on the benchmark's broker
 * prefix; the benchmark deletes them afterwards. (Add a new consumer class here.)
 */
export const SERVICE_CONSUMERS: readonly string[] = [ApplicationDiscardedConsumer].map(
  (consumer) =>
    (Reflect.getMetadata(IntegrationEventConsumer.KEY, consumer) as ConsumerSubscription).name,
);

export interface ServiceProcess {
  readonly url: string;
  /** Resident memory of the process now, in MiB (Linux). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/**
 * The built service (`nest build` first) in a process of its own, configured for production
 * plus `env` (DATABASE_URL, RABBITMQ_*, AUTH_JWT_SECRET...); resolves once it answers.
 */
export async function startService(
  port: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilLive(url);
  return {
    url,
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitUntilLive(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${url}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start`);
}
