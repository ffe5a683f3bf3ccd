/**
 * npm run bench:feed - the change feed and webhooks measured on the built service (its own
 * process) with MariaDB on this machine; events are delivered in-process (no RABBITMQ_URL):
 * neither the feed nor webhooks depend on the broker.
 *
 * 1. feed catch-up: FEED_BENCH_BACKLOG (100000) stored events, positioned by the service at
 *    start, then read by one client following `next` with limit=1000;
 * 2. webhook latency: writes at FEED_BENCH_RATE/s (200) for FEED_BENCH_SECONDS (20) to one
 *    subscription on a local receiver, from the event's time (inside the transaction, before
 *    commit) to the arrival at the receiver;
 * 3. backlog drain: the receiver is down for FEED_BENCH_OUTAGE seconds (60) while the writes go
 *    on; how long until everything arrived once it is back, and at what rate.
 */
import { randomBytes } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { createConnection } from 'mysql2/promise';
import { createTestDatabase, TestDatabase } from '../../test/support/mariadb';
import { WebhookReceiver } from '../../test/support/webhook-receiver';
import { progress } from './progress';
import { ServiceProcess, startService } from './service-process';

const BACKLOG = Number(process.env.FEED_BENCH_BACKLOG ?? 100_000);
const RATE = Number(process.env.FEED_BENCH_RATE ?? 200);
const SECONDS = Number(process.env.FEED_BENCH_SECONDS ?? 20);
const OUTAGE = Number(process.env.FEED_BENCH_OUTAGE ?? 60);
const SECRET = randomBytes(32).toString('hex');
const TOKEN = sign({ sub: 'bench', roles: ['admin'] }, SECRET, { expiresIn: '2h' });
const HEADERS = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

function serviceEnv(database: TestDatabase): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    AUTH_JWT_SECRET: SECRET,
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
  };
}

async function feedCatchUp(): Promise<string> {
  const database = await createTestDatabase('bench_feed');
  let service: ServiceProcess | undefined;
  try {
    // A first start creates the schema; the backlog is then written straight into the outbox.
    await (await startService(3921, serviceEnv(database))).stop();
    const connection = await createConnection(database.url);
    // MariaDB's sequence engine makes the rows in one statement; already published, so the
    // relay stays out of the measurement.
    await connection.query(
      `INSERT INTO outbox (id, type, aggregate_type, aggregate_id, aggregate_revision, occurred_at,
         correlation_id, actor, data, published_at)
       SELECT UUID(), 'server.application.modified', 'application',
         CONCAT('00000000-0000-7000-8000-', LPAD(seq MOD 600, 12, '0')), seq DIV 600 + 1, NOW(3),
         CONCAT('bench-', seq), 'bench', '{"changes":{"version":{"from":"1","to":"2"}}}', NOW(3)
       FROM seq_0_to_${BACKLOG - 1}`,
    );
    console.log(`  ${BACKLOG} events stored; starting the service to position them…`);
    const started = Date.now();
    service = await startService(3921, serviceEnv(database));
    for (;;) {
      const [[row]] = (await connection.query('SELECT position FROM feed_head')) as [
        { position: number }[],
        unknown,
      ];
      progress('positioning', Math.min(Number(row.position), BACKLOG), BACKLOG);
      if (Number(row.position) >= BACKLOG) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const positionedIn = (Date.now() - started) / 1000;
    await connection.end();

    const readStart = Date.now();
    let read = 0;
    let after = '';
    while (read < BACKLOG) {
      const query = new URLSearchParams({ limit: '1000', ...(after ? { after } : {}) });
      const response = await fetch(`${service.url}/api/v1/events?${query}`, { headers: HEADERS });
      const page = (await response.json()) as { items: unknown[]; next: string };
      read += page.items.length;
      after = page.next;
      progress('reading the feed', Math.min(read, BACKLOG), BACKLOG);
    }
    const seconds = (Date.now() - readStart) / 1000;
    const rate = Math.round(BACKLOG / seconds);
    return (
      `| feed catch-up read | ${BACKLOG} events, limit=1000, one client | **${rate} events/s** (${seconds.toFixed(1)} s); ` +
      `positioning them at start took ≤ ${positionedIn.toFixed(1)} s incl. service start |`
    );
  } finally {
    await service?.stop();
    await database.drop();
  }
}

/** POST /servers at `rate`/s for `count` writes; calls `tick` after each answer. */
async function steadyWrites(
  service: ServiceProcess,
  count: number,
  tick: (done: number) => Promise<void> | void,
): Promise<number> {
  const started = Date.now();
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  let failed = 0;
  for (let index = 0; index < count; index += 1) {
    const due = started + (index * 1000) / RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const write = fetch(`${service.url}/api/v1/servers`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({
        name: `bench-${index}-${randomBytes(4).toString('hex')}`,
        environment: 'bench',
        operatingSystem: { name: 'Debian', version: '12', architecture: 'x86_64' },
      }),
    }).then(async (response) => {
      if (response.status !== 201) failed += 1;
      done += 1;
      await tick(done);
      if (done % RATE === 0 || done === count) progress('writing', done, count);
    });
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
    if (inFlight.size >= 128) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return failed;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function untilDelivered(receiver: WebhookReceiver, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (new Set(receiver.delivered.map((entry) => entry.event.id)).size < count) {
    if (Date.now() > deadline) throw new Error('not everything was delivered in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function webhooks(): Promise<string[]> {
  const database = await createTestDatabase('bench_webhooks');
  const receiver = await WebhookReceiver.start();
  const arrivals = new Map<string, number>();
  receiver.answer = ({ event }) => {
    if (!arrivals.has(event.id)) arrivals.set(event.id, Date.now());
    return { status: 204 };
  };
  let service: ServiceProcess | undefined;
  try {
    service = await startService(3922, serviceEnv(database));
    const subscribed = await fetch(`${service.url}/api/v1/webhooks`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({ url: receiver.url, eventTypes: ['server.server.registered'] }),
    });
    if (subscribed.status !== 201) throw new Error(`subscribe: ${await subscribed.text()}`);

    console.log(`  latency: ${RATE * SECONDS} writes at ${RATE}/s`);
    const failed = await steadyWrites(service, RATE * SECONDS, () => undefined);
    await untilDelivered(receiver, RATE * SECONDS - failed, 60_000);
    const latencies = receiver.delivered
      .map(
        (entry) =>
          arrivals.get(entry.event.id)! - Date.parse((entry.event as { time?: string }).time!),
      )
      .sort((a, b) => a - b);
    const latency =
      `| webhook latency, event time → receiver | ${RATE * SECONDS} writes at ${RATE}/s (${failed} failed), one subscription | ` +
      `**p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms** (max ${latencies.at(-1)} ms) |`;
    console.log(`  ${latency}`);

    const before = new Set(receiver.delivered.map((entry) => entry.event.id)).size;
    const total = RATE * OUTAGE;
    await receiver.down();
    console.log(`  receiver down for ${OUTAGE} s while ${total} writes go on`);
    const outageFailed = await steadyWrites(service, total, () => undefined);
    await receiver.up();
    const upAt = Date.now();
    await untilDelivered(receiver, before + total - outageFailed, 600_000);
    const seconds = (Date.now() - upAt) / 1000;
    const drain =
      `| backlog drain after a ${OUTAGE} s receiver outage | ${total - outageFailed} events held back | ` +
      `all delivered **${seconds.toFixed(1)} s** after the receiver came back (**${Math.round((total - outageFailed) / seconds)} events/s**, including the wait for the retry timers) |`;
    console.log(`  ${drain}`);
    return [latency, drain];
  } finally {
    await service?.stop();
    await receiver.down();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const lines = [await feedCatchUp(), ...(await webhooks())];
  console.log(`\n| scenario | load | result |\n|---|---|---|\n${lines.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
