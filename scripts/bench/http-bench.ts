/**
 * npm run bench: ServerTree (built, on MariaDB + RabbitMQ) next to a raw Fastify + mysql2
 * baseline doing the same SQL, both loaded over loopback by autocannon from this process.
 * Each server gets its own fresh database; the RabbitMQ exchange is unique and deleted after.
 * Run it on a quiet machine: the load generator, both servers, MariaDB and RabbitMQ share the cores.
 *
 * Options (env): BENCH_DURATION seconds per scenario (10), BENCH_CONNECTIONS (32), BENCH_SEED (1000),
 * BENCH_WARM_UP seconds of untimed load per server (3).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sign } from 'jsonwebtoken';
import { createConnection } from 'mysql2/promise';
import { createTestDatabase, TestDatabase } from '../../test/support/mariadb';
import { TestBroker } from '../../test/support/rabbitmq';
import { progress } from './progress';
import { SERVICE_CONSUMERS, ServiceProcess, startService } from './service-process';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SEED = Number(process.env.BENCH_SEED ?? 1000);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
const SECRET = randomBytes(32).toString('hex');

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
  const databases: TestDatabase[] = [];
  let broker: TestBroker | undefined;
  let service: ServiceProcess | undefined;
  let baselineProcess: ChildProcess | undefined;
  try {
    const serviceDb = await createTestDatabase('bench_service');
    const baselineDb = await createTestDatabase('bench_baseline');
    databases.push(serviceDb, baselineDb);
    broker = await TestBroker.create('bench_http');
    const token = sign({ sub: 'bench', roles: ['admin'] }, SECRET, { expiresIn: '1h' });

    console.log('starting ServerTree (dist) on MariaDB + RabbitMQ…');
    service = await startService(3901, {
      ...broker.env(),
      DATABASE_URL: serviceDb.url,
      AUTH_JWT_SECRET: SECRET,
    });
    const serviceTarget: Target = {
      name: 'ServerTree',
      url: service.url,
      prefix: '/api/v1',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    };

    console.log('starting the raw Fastify + mysql2 baseline…');
    // The baseline works on the schema the service's migrations created, in its own database.
    for (const table of ['applications', 'outbox']) {
      await onServer(
        serviceDb.url,
        `CREATE TABLE ${baselineDb.name}.${table} LIKE ${serviceDb.name}.${table}`,
      );
    }
    baselineProcess = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, 'baseline-server.ts')],
      {
        env: { ...process.env, PORT: '3902', DATABASE_URL: baselineDb.url },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const baselineTarget: Target = {
      name: 'baseline',
      url: 'http://127.0.0.1:3902',
      prefix: '',
      headers: { 'content-type': 'application/json' },
    };
    await waitFor(`${baselineTarget.url}/applications?limit=1`);

    const results: Result[] = [];
    for (const target of [serviceTarget, baselineTarget]) {
      const ids = await seed(target);
      await warmUp(target, ids);
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
    baselineProcess?.kill('SIGTERM');
    await service?.stop();
    broker?.adoptConsumerQueues(SERVICE_CONSUMERS);
    await broker?.cleanUp();
    for (const database of databases) await database.drop();
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

/** Untimed load first, so both servers are measured with their hot paths already compiled. */
async function warmUp(target: Target, ids: readonly string[]): Promise<void> {
  process.stdout.write(`  ${target.name}: warming up for ${WARM_UP}s…\n`);
  await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: WARM_UP,
    headers: target.headers,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          method: 'GET',
          path: `${target.prefix}/applications/${pick(ids)}`,
        }),
      },
    ],
  });
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

async function onServer(url: string, statement: string): Promise<void> {
  const connection = await createConnection(url);
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
