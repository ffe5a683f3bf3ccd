/**
 * npm run bench:events - event delivery measured on the built service (its own process) with
 * MariaDB and RabbitMQ on this machine, publisher confirms on:
 *
 * 1. relay throughput: a backlog of stored events, drained by a freshly started service, next to
 *    the transport's own limit measured just before on the same exchange and queue (plain
 *    amqplib, pipelined publishes with confirms, scripts/bench/raw-publisher.ts);
 * 2. commit-to-consumer latency at a steady write rate, to the arrival on a queue bound to the
 *    exchange: from the event's time (taken inside the command's transaction, before commit:
 *    an upper bound) and from the HTTP answer (sent after commit: a lower bound);
 * 3. a broker outage during steady writes, through a TCP proxy that is cut and restored:
 *    every stored event must arrive afterwards, none missing, each aggregate in order.
 *
 * Options (env): EVENTS_BENCH_BACKLOG (30000), EVENTS_BENCH_RATE writes/s (200),
 * EVENTS_BENCH_SECONDS of steady writes (20), EVENTS_BENCH_OUTAGE seconds (30),
 * EVENTS_BENCH_SCENARIOS (throughput,latency,outage), EVENTS_BENCH_CPU_PROF (a directory for the
 * service's CPU profiles, e.g. /tmp/relay-prof; open them in Chrome DevTools).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { createConnection } from 'mysql2/promise';
import { createTestDatabase, TestDatabase } from '../../test/support/mariadb';
import {
  ReceivedMessage,
  TEST_RABBITMQ_URL,
  TestBroker,
  TestQueue,
} from '../../test/support/rabbitmq';
import { TcpProxy } from '../../test/support/tcp-proxy';
import { progress } from './progress';
import { SERVICE_CONSUMERS, ServiceProcess, startService } from './service-process';

const BACKLOG = Number(process.env.EVENTS_BENCH_BACKLOG ?? 30_000);
const RATE = Number(process.env.EVENTS_BENCH_RATE ?? 200);
const SECONDS = Number(process.env.EVENTS_BENCH_SECONDS ?? 20);
const OUTAGE = Number(process.env.EVENTS_BENCH_OUTAGE ?? 30);
/** A directory: the service then writes a V8 CPU profile there as it exits (node --cpu-prof). */
const CPU_PROFILES = process.env.EVENTS_BENCH_CPU_PROF;
const AGGREGATES = 200;
const SECRET = randomBytes(32).toString('hex');
const TOKEN = sign({ sub: 'bench', roles: ['editor'] }, SECRET, { expiresIn: '2h' });

/** A fresh database, a unique exchange, a queue listening on it and the service in between. */
interface Stage {
  readonly database: TestDatabase;
  readonly broker: TestBroker;
  readonly queue: TestQueue;
  service?: ServiceProcess;
}

async function withStage(name: string, run: (stage: Stage) => Promise<void>): Promise<void> {
  const database = await createTestDatabase(`bench_${name}`);
  const broker = await TestBroker.create(`bench_${name}`);
  const stage: Stage = { database, broker, queue: await broker.listen('#') };
  try {
    await run(stage);
  } finally {
    await stage.service?.stop();
    broker.adoptConsumerQueues(SERVICE_CONSUMERS);
    await broker.cleanUp();
    await database.drop();
  }
}

function serviceEnv(stage: Stage, rabbitUrl = TEST_RABBITMQ_URL): Record<string, string> {
  return {
    ...stage.broker.env(rabbitUrl),
    DATABASE_URL: stage.database.url,
    AUTH_JWT_SECRET: SECRET,
  };
}

async function throughput(): Promise<string> {
  let line = '';
  await withStage('throughput', async (stage) => {
    // A first start creates the schema; the backlog is then written straight into the outbox.
    await (await startService(3911, serviceEnv(stage))).stop();
    await insertBacklog(stage.database.url, BACKLOG);

    console.log(`  ${BACKLOG} events stored; first the transport's own limit (plain amqplib)…`);
    const publisher = await publishRaw(stage.broker.exchange, BACKLOG);
    const limit = arrivalRate(await stage.queue.atLeast(BACKLOG, 300_000), 0, BACKLOG);
    console.log(
      `  ${limit.rate} msg/s arriving (${limit.seconds.toFixed(2)} s; the publisher's own ` +
        `first publish to last confirm: ${publisher.seconds.toFixed(2)} s)`,
    );

    console.log('  starting the service to drain the stored events…');
    stage.service = await startService(3911, serviceEnv(stage), {
      nodeOptions: CPU_PROFILES ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILES}`] : [],
    });
    const relay = arrivalRate(await stage.queue.atLeast(2 * BACKLOG, 300_000), BACKLOG, BACKLOG);
    const ratio = Math.round((relay.rate / limit.rate) * 100);
    line =
      `| relay throughput (confirms on) | ${BACKLOG} stored events, first to last arrival | ` +
      `**${relay.rate} events/s** (${relay.seconds.toFixed(2)} s), **${ratio} %** of the transport's ` +
      `own limit measured just before: ${limit.rate} msg/s (plain amqplib, pipelined, confirms) |`;
    console.log(`  ${relay.rate} events/s: ${ratio} % of the transport's own limit`);
  });
  return line;
}

/** Messages per second over `count` arrivals from index `from`, first to last. */
function arrivalRate(
  messages: readonly ReceivedMessage[],
  from: number,
  count: number,
): { rate: number; seconds: number } {
  const seconds = (messages[from + count - 1].receivedAt - messages[from].receivedAt) / 1000;
  return { rate: Math.round(count / seconds), seconds };
}

/** Runs scripts/bench/raw-publisher.ts in a process of its own, as the service runs the relay. */
function publishRaw(exchange: string, count: number): Promise<{ seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, 'raw-publisher.ts')],
      {
        env: {
          ...process.env,
          RAW_PUBLISHER_URL: TEST_RABBITMQ_URL,
          RAW_PUBLISHER_EXCHANGE: exchange,
          RAW_PUBLISHER_COUNT: String(count),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`raw publisher exited ${code}`)),
    );
  });
}

async function latency(): Promise<string> {
  let line = '';
  await withStage('latency', async (stage) => {
    stage.service = await startService(3912, serviceEnv(stage));
    const ids = await registerApplications(stage.service);
    const writes = await steadyWrites(stage.service, ids, RATE * SECONDS, () => undefined);
    const stored = await storedEvents(stage.database.url);
    const changes = (await stage.queue.atLeast(stored.length, 60_000)).filter(
      (message) => message.routingKey === 'server.application.modified',
    );
    // The commit lies between the event's time (taken in the transaction) and the answer.
    const upper = latencies(changes, (message) => Date.parse(message.event.time));
    const lower = latencies(changes, (message) => writes.answeredAt.get(revisionKey(message)));
    line =
      `| commit-to-consumer latency | ${writes.succeeded} writes at ${RATE}/s (${writes.failed} failed${writes.failed > 0 ? `: ${writes.failures}` : ''}) | ` +
      `from the event's time: **p50 ${upper.p50} ms, p99 ${upper.p99} ms** (max ${upper.max} ms); ` +
      `from the HTTP answer: p50 ${lower.p50} ms, p99 ${lower.p99} ms |`;
    if (writes.failed > 0) console.log(`  failed writes: ${writes.failures}`);
    console.log(`  from the event's time: ${JSON.stringify(upper)}`);
    console.log(`  from the HTTP answer:  ${JSON.stringify(lower)}`);
  });
  return line;
}

/** Arrival minus `since` for each message (negative ones count as 0), as percentiles. */
function latencies(
  messages: readonly ReceivedMessage[],
  since: (message: ReceivedMessage) => number | undefined,
): { p50: number; p99: number; max: number } {
  const sorted = messages
    .map((message) => Math.max(0, message.receivedAt - (since(message) ?? message.receivedAt)))
    .sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! };
}

function revisionKey(message: ReceivedMessage): string {
  return `${message.event.subject}@${message.event.aggregaterevision}`;
}

async function outage(): Promise<string> {
  let line = '';
  await withStage('outage', async (stage) => {
    const proxy = await TcpProxy.start(TEST_RABBITMQ_URL);
    try {
      stage.service = await startService(3913, serviceEnv(stage, proxy.urlFor(TEST_RABBITMQ_URL)));
      const ids = await registerApplications(stage.service);
      const total = RATE * (OUTAGE + 20);
      let restoredAt = 0;
      const writes = await steadyWrites(stage.service, ids, total, async (done) => {
        if (done === RATE * 10) {
          await proxy.cut();
          console.log(`\n  broker connection cut for ${OUTAGE} s, writes go on`);
        }
        if (done === RATE * (10 + OUTAGE)) {
          await proxy.restore();
          restoredAt = Date.now();
          console.log('\n  broker connection restored');
        }
      });
      const stored = await storedEvents(stage.database.url);
      const arrived = await stage.queue.until(
        (messages) => new Set(messages.map((m) => m.event.id)).size >= stored.length,
        120_000,
      );
      // The backlog: events that happened while the broker was away, delivered after it came back.
      const backlog = arrived.filter((message) => Date.parse(message.event.time) < restoredAt);
      const drainSeconds = (
        (Math.max(...backlog.map((message) => message.receivedAt)) - restoredAt) /
        1000
      ).toFixed(1);
      const check = checkDelivery(stored, arrived);
      line =
        `| ${OUTAGE} s broker outage during writes at ${RATE}/s | ${writes.succeeded} writes ok, ${writes.failed} failed | ` +
        `**${check.missing} missing, ${check.outOfOrder} out of order**, ${check.duplicates} duplicates; the backlog was delivered ${drainSeconds} s after the broker came back |`;
      console.log(`  ${JSON.stringify({ ...writes, ...check, drainSeconds })}`);
    } finally {
      await stage.service?.stop();
      stage.service = undefined;
      await proxy.cut();
    }
  });
  return line;
}

async function registerApplications(service: ServiceProcess): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < AGGREGATES; i += 1) {
    const response = await call(service, 'POST', '/api/v1/applications', {
      name: `bench-${i}`,
      version: '0',
      architecture: 'x86_64',
    });
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}

interface WriteOutcome {
  readonly succeeded: number;
  readonly failed: number;
  /** The failed writes by HTTP status, or `no answer`, e.g. `409: 3, no answer: 1`. */
  readonly failures: string;
  /** When the answer to each successful write arrived, by `<id>@<revision>`. */
  readonly answeredAt: ReadonlyMap<string, number>;
}

/**
 * Open-loop writes at RATE per second, round-robin over the aggregates (each one is written
 * every AGGREGATES/RATE seconds, so writes never race on one aggregate). `tick` runs before
 * each write with the number already issued.
 */
async function steadyWrites(
  service: ServiceProcess,
  ids: readonly string[],
  count: number,
  tick: (done: number) => Promise<void> | void,
): Promise<WriteOutcome> {
  const started = Date.now();
  const answeredAt = new Map<string, number>();
  const failures = new Map<string, number>();
  const fail = (reason: string) => {
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
    return false;
  };
  const pending: Promise<boolean>[] = [];
  for (let n = 0; n < count; n += 1) {
    await tick(n);
    const due = started + (n * 1000) / RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const id = ids[n % ids.length];
    pending.push(
      call(service, 'PATCH', `/api/v1/applications/${id}`, { version: String(n + 1) })
        .then(async (response) => {
          const at = Date.now();
          if (!response.ok) return fail(String(response.status));
          answeredAt.set(`${id}@${((await response.json()) as { revision: number }).revision}`, at);
          return true;
        })
        .catch(() => fail('no answer')),
    );
    if (n % RATE === 0) progress('writes', n, count);
  }
  const outcomes = await Promise.all(pending);
  progress('writes', count, count);
  const succeeded = outcomes.filter(Boolean).length;
  const reasons = [...failures].map(([reason, times]) => `${reason}: ${times}`).join(', ');
  return { succeeded, failed: count - succeeded, failures: reasons, answeredAt };
}

function call(
  service: ServiceProcess,
  method: string,
  path: string,
  body: object,
): Promise<Response> {
  return fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

interface StoredEvent {
  readonly id: string;
  readonly aggregateId: string;
  readonly revision: number;
}

/** Missing = stored but never arrived; out of order = a revision first seen after a later one. */
function checkDelivery(stored: readonly StoredEvent[], arrived: readonly ReceivedMessage[]) {
  const firstArrivals = new Map<string, ReceivedMessage>();
  for (const message of arrived)
    if (!firstArrivals.has(message.event.id)) firstArrivals.set(message.event.id, message);
  const lastRevision = new Map<string, number>();
  let outOfOrder = 0;
  for (const { event } of firstArrivals.values()) {
    if ((lastRevision.get(event.subject) ?? 0) > event.aggregaterevision) outOfOrder += 1;
    lastRevision.set(event.subject, event.aggregaterevision);
  }
  return {
    missing: stored.filter((event) => !firstArrivals.has(event.id)).length,
    outOfOrder,
    duplicates: arrived.length - firstArrivals.size,
  };
}

async function storedEvents(databaseUrl: string): Promise<StoredEvent[]> {
  const connection = await createConnection(databaseUrl);
  try {
    const [rows] = await connection.query(
      'SELECT id, aggregate_id AS aggregateId, aggregate_revision AS revision FROM outbox',
    );
    return rows as StoredEvent[];
  } finally {
    await connection.end();
  }
}

/** Pending rows as the event store writes them: 600 aggregates, modified over and over. */
async function insertBacklog(databaseUrl: string, count: number): Promise<void> {
  const connection = await createConnection(databaseUrl);
  try {
    const aggregates = Array.from({ length: 600 }, () => randomUUID());
    for (let offset = 0; offset < count; offset += 1000) {
      const rows = Array.from({ length: Math.min(1000, count - offset) }, (_, i) => {
        const n = offset + i;
        return [
          randomUUID(),
          'server.application.modified',
          'application',
          aggregates[n % aggregates.length],
          Math.floor(n / aggregates.length) + 1,
          new Date(),
          `bench-${n}`,
          'bench',
          JSON.stringify({ changes: { version: { from: String(n), to: String(n + 1) } } }),
        ];
      });
      await connection.query(
        'INSERT INTO outbox (id, type, aggregate_type, aggregate_id, aggregate_revision, ' +
          'occurred_at, correlation_id, actor, data) VALUES ?',
        [rows],
      );
      progress('storing the backlog', offset + rows.length, count);
    }
  } finally {
    await connection.end();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const SCENARIOS: Record<string, { title: string; run: () => Promise<string> }> = {
  throughput: { title: 'relay throughput', run: throughput },
  latency: { title: `commit-to-consumer latency, ${RATE} writes/s for ${SECONDS} s`, run: latency },
  outage: { title: `${OUTAGE} s broker outage during ${RATE} writes/s`, run: outage },
};

async function main(): Promise<void> {
  console.log('Event delivery benchmark (built service, MariaDB, RabbitMQ, publisher confirms)');
  const lines: string[] = [];
  for (const name of (process.env.EVENTS_BENCH_SCENARIOS ?? Object.keys(SCENARIOS).join(',')).split(
    ',',
  )) {
    console.log(`\n${name}: ${SCENARIOS[name].title}`);
    lines.push(await SCENARIOS[name].run());
  }
  console.log('\n| measure | load | result |\n|---|---|---|');
  for (const line of lines) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
