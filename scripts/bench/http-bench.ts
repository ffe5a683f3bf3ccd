/**
 * npm run bench: ServerTree (built, on MariaDB + RabbitMQ) next to a raw Fastify + mysql2
 * baseline doing the same SQL on the same tables and indexes, both loaded over loopback by
 * autocannon from this process, in alternating rounds so that drift on a shared machine hits
 * both alike. Each server gets its own fresh database, seeded with the same fleet straight into
 * its tables; the RabbitMQ exchange is unique and deleted after. The last column is the ratio.
 *
 * The install scenarios (issue 8) run at a fixed number of requests in flight, 32 and 128,
 * whatever BENCH_CONNECTIONS says: each request installs a catalogue application on another
 * server (never two at once on one server), so every answer must be 2xx, and the service's
 * `servertree_transaction_retries_total` must not move (a deadlock rescued by the whole-command
 * retry is still a deadlock). Both are printed under the table.
 *
 * Memory: the service's RSS is printed after every scenario and after each pass; with
 * BENCH_PASSES=2 the whole set of scenarios runs twice against the same service (and the
 * same baseline), so growth between the passes shows (docs/benchmarks.md, "Memory").
 *
 * Options (env): BENCH_SERVERS seeded servers (100000), BENCH_DURATION seconds per round (10),
 * BENCH_ROUNDS alternating rounds per scenario and server (3), BENCH_CONNECTIONS (50),
 * BENCH_WARM_UP seconds of untimed load per server (3), BENCH_SCENARIOS comma list (all),
 * BENCH_PASSES runs of every scenario against the same two servers (1),
 * BENCH_FROM_SOURCE=true to run the service through ts-node instead of the build (smoke runs).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sign } from 'jsonwebtoken';
import { createConnection, createPool, RowDataPacket } from 'mysql2/promise';
import { createTestDatabase, TestDatabase } from '../../test/support/mariadb';
import { TestBroker } from '../../test/support/rabbitmq';
import { ENVIRONMENTS, seedServers } from '../seed/seed-servers';
import { SERVICE_CONSUMERS, ServiceProcess, startService } from './service-process';

const SERVERS = Number(process.env.BENCH_SERVERS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
const PASSES = Number(process.env.BENCH_PASSES ?? 1);
const SEEDED_APPLICATIONS = 20;
const SECRET = randomBytes(32).toString('hex');
const TABLES = [
  'applications',
  'servers',
  'server_credentials',
  'server_applications',
  'server_tags',
  'outbox',
];

interface Target {
  readonly name: 'ServerTree' | 'baseline';
  readonly url: string;
  readonly prefix: string;
  readonly headers: Record<string, string>;
  /** Ids of servers seeded into this target's own database. */
  readonly serverIds: readonly string[];
  /** Ids of the catalogue applications seeded into this target's own database. */
  readonly applicationIds: readonly string[];
  /** Installs sent so far: the next one goes to the next server. */
  installs: number;
}

type Request = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; path: string; body?: string };

/** One benchmarked request shape; `next` is called for every request sent. */
interface Scenario {
  readonly name: string;
  /** Requests in flight; BENCH_CONNECTIONS unless the scenario is about a given number. */
  readonly connections?: number;
  next(target: Target): Request;
}

/**
 * Server after server through the sampled ids, then the next application on each: 128
 * requests in flight never touch one server twice (5,000 sampled servers), and no pair repeats
 * before every sampled server has every seeded application.
 */
function nextInstall(target: Target): Request {
  const n = target.installs;
  target.installs += 1;
  const server = target.serverIds[n % target.serverIds.length];
  const application =
    target.applicationIds[Math.floor(n / target.serverIds.length) % target.applicationIds.length];
  return {
    method: 'PUT',
    path: `${target.prefix}/servers/${server}/applications/${application}`,
    body: JSON.stringify({ installDir: `/opt/bench-${n}`, logDir: '/var/log/bench' }),
  };
}

let sequence = 0;
const SCENARIOS: readonly Scenario[] = [
  {
    name: 'GET one server',
    next: (t) => ({ method: 'GET', path: `${t.prefix}/servers/${pick(t.serverIds)}` }),
  },
  {
    name: 'list: environment + ramMb__gte, ordering=-ramMb,name, offset 0-225',
    next: (t) => ({
      method: 'GET',
      path:
        `${t.prefix}/servers?environment=${pick(ENVIRONMENTS)}&ramMb__gte=16384` +
        `&ordering=-ramMb,name&limit=25&offset=${25 * Math.floor(Math.random() * 10)}`,
    }),
  },
  {
    name: 'list: environment + status, ordering=name',
    next: (t) => ({
      method: 'GET',
      path: `${t.prefix}/servers?environment=${pick(ENVIRONMENTS)}&status=running&ordering=name&limit=25`,
    }),
  },
  {
    name: 'list: q= substring of the name',
    next: (t) => ({
      method: 'GET',
      path: `${t.prefix}/servers?q=${String(Math.floor(Math.random() * 1000)).padStart(4, '0')}&limit=25`,
    }),
  },
  {
    name: 'POST register server',
    next: (t) => ({
      method: 'POST',
      path: `${t.prefix}/servers`,
      body: JSON.stringify({
        name: `bench-${t.name}-${(sequence += 1)}`,
        ramMb: 8192,
        environment: 'staging',
        operatingSystem: { name: 'debian', version: '12', architecture: 'x86_64' },
      }),
    }),
  },
  {
    name: 'PATCH one field',
    next: (t) => ({
      method: 'PATCH',
      path: `${t.prefix}/servers/${pick(t.serverIds)}`,
      body: JSON.stringify({ ramMb: 1024 * (1 + Math.floor(Math.random() * 64)) }),
    }),
  },
  { name: 'PUT install application, 32 in flight', connections: 32, next: nextInstall },
  { name: 'PUT install application, 128 in flight', connections: 128, next: nextInstall },
];

interface Round {
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  /** Answers outside 2xx, by class (`4xx`, `5xx`). */
  readonly non2xx: Record<string, number>;
  /** Requests without an answer: timed out (30 s) or the socket failed. */
  readonly unanswered: number;
  /** The service's transaction retries during the round (not counted for the baseline). */
  readonly retries: number;
}

interface ScenarioResult {
  readonly rounds: Record<Target['name'], Round[]>;
  /** The service's RSS right after the scenario's last round, MiB. */
  readonly rssMiB: number;
}

async function main(): Promise<void> {
  const chosen = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim());
  const scenarios = chosen
    ? SCENARIOS.filter((s) => chosen.some((c) => s.name.startsWith(c)))
    : SCENARIOS;
  console.log(
    `ServerTree HTTP benchmark: ${SERVERS} servers, ${ROUNDS} alternating rounds of ${DURATION}s per scenario, ` +
      `${CONNECTIONS} connections`,
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
    const token = sign({ sub: 'bench', roles: ['admin'] }, SECRET, { expiresIn: '2h' });

    console.log('starting ServerTree (dist) on MariaDB + RabbitMQ; it migrates its database…');
    service = await startService(
      3901,
      { ...broker.env(), DATABASE_URL: serviceDb.url, AUTH_JWT_SECRET: SECRET },
      { fromSource: process.env.BENCH_FROM_SOURCE === 'true' },
    );
    // The baseline works on the schema the service's migrations created, in its own database.
    for (const table of TABLES) {
      await onServer(
        serviceDb.url,
        `CREATE TABLE ${baselineDb.name}.${table} LIKE ${serviceDb.name}.${table}`,
      );
    }
    const serviceSeed = await seed('ServerTree', serviceDb.url);
    const baselineSeed = await seed('baseline', baselineDb.url);

    console.log('starting the raw Fastify + mysql2 baseline…');
    baselineProcess = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, 'baseline-server.ts')],
      {
        env: { ...process.env, PORT: '3902', DATABASE_URL: baselineDb.url },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const json = { 'content-type': 'application/json' };
    const targets: Target[] = [
      {
        name: 'ServerTree',
        url: service.url,
        prefix: '/api/v1',
        headers: { ...json, authorization: `Bearer ${token}` },
        ...serviceSeed,
        installs: 0,
      },
      {
        name: 'baseline',
        url: 'http://127.0.0.1:3902',
        prefix: '',
        headers: json,
        ...baselineSeed,
        installs: 0,
      },
    ];
    await waitFor(`${targets[1].url}/applications?limit=1`);
    for (const target of targets) await warmUp(target);
    console.log(`ServerTree RSS after seeding and warm-up: ${service.rssMiB().toFixed(0)} MiB`);

    for (let pass = 1; pass <= PASSES; pass += 1) {
      if (PASSES > 1) console.log(`\npass ${pass}/${PASSES}`);
      const results = new Map<string, ScenarioResult>();
      for (const scenario of scenarios) {
        const rounds: Record<Target['name'], Round[]> = { ServerTree: [], baseline: [] };
        for (let round = 1; round <= ROUNDS; round += 1) {
          for (const target of targets) {
            rounds[target.name].push(await load(scenario, target, `${round}/${ROUNDS}`));
          }
        }
        results.set(scenario.name, { rounds, rssMiB: service.rssMiB() });
      }
      report(results);
      console.log(`\nServerTree RSS after the run: ${service.rssMiB().toFixed(0)} MiB`);
    }
  } finally {
    baselineProcess?.kill('SIGTERM');
    await service?.stop();
    broker?.adoptConsumerQueues(SERVICE_CONSUMERS);
    await broker?.cleanUp();
    for (const database of databases) await database.drop();
  }
}

/** Seeds the fleet into one target's database; answers a sample of its server ids. */
async function seed(
  name: string,
  url: string,
): Promise<Pick<Target, 'serverIds' | 'applicationIds'>> {
  console.log(`seeding ${SERVERS} servers for ${name}…`);
  const pool = createPool({ uri: url, connectionLimit: 2 });
  try {
    await seedServers(pool, {
      servers: SERVERS,
      applications: SEEDED_APPLICATIONS,
      installedShare: 0.1,
    });
    await pool.query('ANALYZE TABLE servers, server_applications, applications');
    const [servers] = await pool.query<RowDataPacket[]>(
      'SELECT id FROM servers ORDER BY RAND() LIMIT 5000',
    );
    const [applications] = await pool.query<RowDataPacket[]>('SELECT id FROM applications');
    return {
      serverIds: servers.map((row) => String(row.id)),
      applicationIds: applications.map((row) => String(row.id)),
    };
  } finally {
    await pool.end();
  }
}

/** Untimed load first, so both servers are measured with their hot paths already compiled. */
async function warmUp(target: Target): Promise<void> {
  if (WARM_UP <= 0) return;
  process.stdout.write(`  ${target.name}: warming up for ${WARM_UP}s…\n`);
  await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: WARM_UP,
    headers: target.headers,
    requests: [{ setupRequest: (request) => ({ ...request, ...SCENARIOS[0].next(target) }) }],
  });
}

async function load(scenario: Scenario, target: Target, round: string): Promise<Round> {
  process.stdout.write(`  ${scenario.name} — ${target.name}, round ${round}… `);
  const ticker = setInterval(() => process.stdout.write('.'), 1000);
  const retriedBefore = await transactionRetries(target);
  const result = await autocannon({
    url: target.url,
    connections: scenario.connections ?? CONNECTIONS,
    // A slow answer on a loaded machine is latency; only a lost one is an error.
    timeout: 30,
    duration: DURATION,
    headers: target.headers,
    requests: [{ setupRequest: (request) => ({ ...request, ...scenario.next(target) }) }],
  });
  clearInterval(ticker);
  console.log(` ${Math.round(result.requests.average)} req/s`);
  return {
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: Object.fromEntries(
      (['1xx', '3xx', '4xx', '5xx'] as const)
        .filter((kind) => result[kind] > 0)
        .map((kind) => [kind, result[kind]]),
    ),
    unanswered: result.errors + result.timeouts,
    retries: (await transactionRetries(target)) - retriedBefore,
  };
}

/** The service's `servertree_transaction_retries_total`; the baseline retries nothing (0). */
async function transactionRetries(target: Target): Promise<number> {
  if (target.name !== 'ServerTree') return 0;
  const response = await fetch(`${target.url}/metrics`);
  const exposition = await response.text();
  // A labelled counter has no series before its first count; its TYPE line is always there.
  if (!exposition.includes('# TYPE servertree_transaction_retries_total counter')) {
    throw new Error(`GET /metrics answered ${response.status} without the retry counter`);
  }
  const series = exposition.matchAll(/^servertree_transaction_retries_total\{[^}]*\} (\d+)/gm);
  return [...series].reduce((total, [, value]) => total + Number(value), 0);
}

const mean = (values: readonly number[]) => sum(values) / values.length;

function report(results: Map<string, ScenarioResult>): void {
  console.log(
    '\n| scenario | ServerTree req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [scenario, { rounds }] of results) {
    const { ServerTree: s, baseline: b } = rounds;
    const summary = (rounds: Round[]) =>
      `${Math.round(mean(rounds.map((r) => r.requests)))} | ${Math.round(mean(rounds.map((r) => r.p50)))} | ` +
      `${Math.max(...rounds.map((r) => r.p99))}`;
    const baseline = mean(b.map((r) => r.requests));
    // A round shorter than one answer (a smoke run, a saturated machine) completes nothing.
    const ratio = baseline > 0 ? (mean(s.map((r) => r.requests)) / baseline).toFixed(2) : 'n/a';
    console.log(`| ${scenario} | ${summary(s)} | ${summary(b)} | ${ratio} |`);
  }
  console.log('\nPer scenario: answers outside 2xx and requests unanswered (timeout, socket');
  console.log("error) for ServerTree / the baseline; the service's transaction retries; its RSS.");
  for (const [scenario, { rounds, rssMiB }] of results) {
    const [service, baseline] = [rounds.ServerTree, rounds.baseline].map(failures);
    const retries = sum(rounds.ServerTree.map((r) => r.retries));
    console.log(
      `  ${scenario}: errors ${service} / ${baseline}; retries ${retries}; RSS ${rssMiB.toFixed(0)} MiB`,
    );
  }
}

/** `0`, or e.g. `5xx 3, unanswered 2`. */
function failures(rounds: readonly Round[]): string {
  const counts = new Map<string, number>();
  for (const round of rounds) {
    for (const [kind, n] of Object.entries(round.non2xx))
      counts.set(kind, (counts.get(kind) ?? 0) + n);
    if (round.unanswered > 0)
      counts.set('unanswered', (counts.get('unanswered') ?? 0) + round.unanswered);
  }
  return counts.size === 0 ? '0' : [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

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
