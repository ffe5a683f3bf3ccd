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
  readonly pid: number;
  readonly port: number;
  /** How the process ended, once it has. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(signal: NodeJS.Signals): void;
  /** Resident memory of the process now, in MiB (Linux). */
  rssMiB(): number;
  /** SIGTERM (a graceful shutdown); resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies on the spot, as in a crash; resolves once it is gone. */
  kill(): Promise<void>;
}

export interface ServiceProcessOptions {
  /** Runs apps/api/src/main.ts through ts-node instead of the build: no `nest build`, slower start. */
  readonly fromSource?: boolean;
  /**
   * A file descriptor for the service's log (pino writes to stdout) and its stderr (a crash);
   * otherwise the log is dropped and stderr is the caller's.
   */
  readonly log?: number;
  /** How long to wait for it to answer (a busy machine starts slowly). */
  readonly startTimeoutMs?: number;
  /** Node's own options for the process, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  readonly nodeOptions?: readonly string[];
}

const FROM_SOURCE = [
  '-r',
  'ts-node/register/transpile-only',
  '-r',
  'tsconfig-paths/register',
  join(ROOT, 'apps/api/src/main.ts'),
];

/**
 * The built service (`nest build` first) in a process of its own, configured for production
 * plus `env` (DATABASE_URL, RABBITMQ_*, AUTH_JWT_SECRET...); resolves once it answers.
 */
export async function startService(
  port: number,
  env: Record<string, string>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const url = `http://127.0.0.1:${port}`;
  // Otherwise a leftover process on the port would answer for the one about to fail to listen.
  if (await answers(url)) throw new Error(`${url} is already taken by another process`);
  const args = options.fromSource ? FROM_SOURCE : [join(ROOT, 'dist/apps/api/src/main.js')];
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // As the image runs the build (Dockerfile): V8's old space capped (docs/benchmarks.md,
      // "Memory"); ts-node compiling the sources needs more.
      ...(options.fromSource ? {} : { NODE_OPTIONS: '--max-old-space-size=128' }),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // Benchmarks measure the service, not the per-caller limiter (6,000/min in production).
      RATE_LIMIT_PER_MINUTE: '0',
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
    stdio: ['ignore', options.log ?? 'ignore', options.log ?? 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = async (name: NodeJS.Signals) => {
    if (running()) child.kill(name);
    await exited;
  };
  try {
    await waitUntilLive(url, options.startTimeoutMs ?? 60_000, running);
  } catch (error) {
    await signal('SIGKILL'); // never leave a half-started service behind
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    port,
    exited,
    signal: (name) => child.kill(name),
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}

async function waitUntilLive(
  url: string,
  timeoutMs: number,
  running: () => boolean,
): Promise<void> {
  for (let attempt = 0; attempt < timeoutMs / 250; attempt += 1) {
    if (!running()) throw new Error(`${url}: the service exited while starting`);
    if (await answers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health/live`)).ok;
  } catch {
    return false; // not listening (yet)
  }
}
