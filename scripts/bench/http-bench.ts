/**
 * npm run bench: ServerTree (built, on MariaDB + RabbitMQ) next to a raw Fastify + mysql2
 * baseline doing the same SQL, both loaded over loopback by autocannon from this process.
 * Each server gets its own fresh database; the RabbitMQ exchange is unique and deleted after.
 *
 * Options (env): BENCH_DURATION seconds per scenario (10), BENCH_CONNECTIONS (32), BENCH_SEED (1000).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sign } from 'jsonwebtoken';
import { connect } from 'amqplib';
import { createConnection } from 'mysql2/promise';
import { progress } from './progress';

const ROOT = join(__dirname, '../..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SEED = Number(process.env.BENCH_SEED ?? 1000);
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const AMQP = process.env.BENCH_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const SECRET = randomBytes(32).toString('hex');
const RUN = `${Date.now()}_${randomBytes(3).toString('hex')}`;

interface Target {
  readonly name: string;
  readonly url: string;
  readonly prefix: string;
  readonly headers: Record<string, string>;
}

interface Result {
  readonly scenario: string;
  readonly target: string;
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function main(): Promise<void> {
  console.log(
    `ServerTree HTTP benchmark: ${DURATION}s per scenario, ${CONNECTIONS} connections, ${SEED} seeded applications`,
  );
  const databases = [`st_bench_service_${RUN}`, `st_bench_baseline_${RUN}`];
  const exchange = `bench.${RUN}`;
  const children: ChildProcess[] = [];
  try {
    for (const db of databases)
      await onServer(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const token = sign({ sub: 'bench', roles: ['admin'] }, SECRET, { expiresIn: '1h' });

    console.log('starting ServerTree (dist) on MariaDB + RabbitMQ…');
    const service: Target = {
      name: 'ServerTree',
      url: 'http://127.0.0.1:3901',
      prefix: '/api/v1',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    };
    children.push(
      start('node', [join(ROOT, 'dist/apps/api/src/main.js')], {
        NODE_ENV: 'production',
        PORT: '3901',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_URL: `${MYSQL}/${databases[0]}`,
        RABBITMQ_URL: AMQP,
        RABBITMQ_EXCHANGE: exchange,
        RABBITMQ_QUEUE_PREFIX: `bench_${RUN}`,
        AUTH_JWT_SECRET: SECRET,
        CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      }),
    );
    await waitFor(`${service.url}/health/ready`);

    console.log('starting the raw Fastify + mysql2 baseline…');
    const baseline: Target = {
      name: 'baseline',
      url: 'http://127.0.0.1:3902',
      prefix: '',
      headers: { 'content-type': 'application/json' },
    };
    // The baseline works on the schema the service's migrations created, in its own database.
    await onServer(`CREATE TABLE ${databases[1]}.applications LIKE ${databases[0]}.applications`);
    await onServer(`CREATE TABLE ${databases[1]}.domain_events LIKE ${databases[0]}.domain_events`);
    children.push(
      start(
        'node',
        ['-r', 'ts-node/register/transpile-only', join(__dirname, 'baseline-server.ts')],
        {
          PORT: '3902',
          DATABASE_URL: `${MYSQL}/${databases[1]}`,
        },
      ),
    );
    await waitFor(`${baseline.url}/applications?limit=1`);

    const results: Result[] = [];
    for (const target of [service, baseline]) {
      const ids = await seed(target);
      results.push(
        await load('GET one', target, () => ({
          method: 'GET',
          path: `${target.prefix}/applications/${pick(ids)}`,
        })),
      );
      results.push(
        await load('GET list (25)', target, () => ({
          method: 'GET',
          path: `${target.prefix}/applications?limit=25`,
        })),
      );
      let n = 0;
      results.push(
        await load('POST register', target, () => ({
          method: 'POST',
          path: `${target.prefix}/applications`,
          body: JSON.stringify({
            name: `bench-${target.name}-${n++}`,
            version: '1.0',
            architecture: 'x86_64',
          }),
        })),
      );
    }
    report(results);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    for (const db of databases)
      await onServer(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await deleteExchange(exchange).catch(() => undefined);
  }
}

async function seed(target: Target): Promise<string[]> {
  const ids: string[] = [];
  const batch = 16;
  for (let i = 0; i < SEED; i += batch) {
    const created = await Promise.all(
      Array.from({ length: Math.min(batch, SEED - i) }, (_, j) =>
        fetch(`${target.url}${target.prefix}/applications`, {
          method: 'POST',
          headers: target.headers,
          body: JSON.stringify({ name: `seed-${i + j}`, version: '1.0', architecture: 'x86_64' }),
        }).then(async (r) => ((await r.json()) as { id: string }).id),
      ),
    );
    ids.push(...created);
    progress(`seeding ${target.name}`, ids.length, SEED);
  }
  return ids;
}

async function load(
  scenario: string,
  target: Target,
  next: () => { method: 'GET' | 'POST'; path: string; body?: string },
): Promise<Result> {
  process.stdout.write(`  ${target.name}: ${scenario} for ${DURATION}s… `);
  const ticker = setInterval(() => process.stdout.write('.'), 1000);
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: target.headers,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  clearInterval(ticker);
  const errors = result.errors + result.non2xx;
  console.log(` ${Math.round(result.requests.average)} req/s`);
  return {
    scenario,
    target: target.name,
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  };
}

function report(results: Result[]): void {
  console.log(
    '\n| scenario | ServerTree req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ServerTree / baseline |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const scenario of [...new Set(results.map((r) => r.scenario))]) {
    const s = results.find((r) => r.scenario === scenario && r.target === 'ServerTree')!;
    const b = results.find((r) => r.scenario === scenario && r.target === 'baseline')!;
    console.log(
      `| ${scenario} | ${Math.round(s.requests)} | ${s.p50} | ${s.p99} | ${Math.round(b.requests)} | ${b.p50} | ${b.p99} | ${((s.requests / b.requests) * 100).toFixed(0)}% |`,
    );
    if (s.errors + b.errors > 0)
      console.log(`  (non-2xx or errors: ServerTree ${s.errors}, baseline ${b.errors})`);
  }
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0)
      console.error(`${command} ${args.at(-1)} exited with ${code ?? signal}`);
  });
  return child;
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready`);
}

async function onServer(statement: string): Promise<void> {
  const connection = await createConnection(MYSQL);
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

async function deleteExchange(exchange: string): Promise<void> {
  const connection = await connect(AMQP);
  try {
    const channel = await connection.createChannel();
    await channel.deleteExchange(exchange);
  } finally {
    await connection.close();
  }
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
