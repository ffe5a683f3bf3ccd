/**
 * npm run test:cluster [-- --short] [--dir D --port-offset N] [--from-source] - ServerTree on a
 * local 3-node Galera and 3-node RabbitMQ cluster (local-cluster.ts), proven from outside;
 * npm run test:cluster:ci is the short run from source, the last step of `npm test`:
 *
 * 1. starts both clusters, migrates once (the first instance, MIGRATIONS_RUN=true), then runs
 *    three instances of the service (the build, or with --from-source the sources), each on a different Galera node and listing all
 *    three brokers (rotated, so each starts on another node);
 * 2. drives a mixed write load through all three (register, modify, status, install, discard
 *    application...; the same aggregates written through different instances at once);
 * 3. meanwhile SIGKILLs, in turn and each restarted: a Galera node, the RabbitMQ node leading
 *    the service's consumer queue, and the instance holding the relay;
 * 4. waits for delivery to settle, then checks: every 2xx write is stored; revisions are
 *    contiguous per aggregate (no lost update); every stored event reached a quorum queue
 *    bound to the exchange, first deliveries in revision order per aggregate (duplicates
 *    counted); the application-discarded reaction ran exactly once per server; and how soon
 *    writes resumed after each kill.
 * It tears everything down (also on failure), prints a figures line, and exits 1 on any loss.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { sign } from 'jsonwebtoken';
import { connect as connectAmqp, ChannelWrapper } from 'amqp-connection-manager';
import { connect as amqpConnect } from 'amqplib';
import type { Channel, ConsumeMessage } from 'amqplib';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import { ServiceProcess, startService } from '../bench/service-process';
import {
  DEFAULT_EPMD_PORT,
  DEFAULT_GALERA_BASE_PORT,
  DEFAULT_RABBIT_BASE_PORT,
  down,
  GaleraCluster,
  missingPrerequisites,
  ownedBy,
  RabbitCluster,
  startGalera,
  startRabbitCluster,
} from './local-cluster';

const SHORT = process.argv.includes('--short');
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
/** Steady load before and after each kill, and how long a killed node stays down. */
const STEADY_MS = SHORT ? 4_000 : 12_000;
const DOWN_MS = SHORT ? 3_000 : 8_000;
const WORKERS = SHORT ? 6 : 9;
/**
 * The instances run apps/api/src/main.ts through ts-node (transpile only) instead of dist/:
 * `npm test` builds nothing, and compiling only what is loaded costs each start a few
 * seconds, less than a `nest build` (which also type-checks everything) before the run.
 */
const FROM_SOURCE = process.argv.includes('--from-source');
const BASE_DIR = option('dir') ?? '/tmp/servertree-cluster-test';
/** The instances' logs are kept here after the teardown. */
const LOG_DIR = `${BASE_DIR}-logs`;
/**
 * Added to every port (clusters and instances), so that a second run on a shared machine
 * neither collides with nor - through the leftovers' teardown - ends the first one.
 */
const PORT_OFFSET = Number(option('port-offset') ?? 0);
const DATABASE = 'servertree';
const EXCHANGE = 'server.domain_events';
const QUEUE_PREFIX = 'servertree';
const CONSUMER_QUEUE = `${QUEUE_PREFIX}.servers.application-discarded`;
const TEST_QUEUE = 'cluster-test.all-events';
const PORTS = [3931, 3932, 3933].map((port) => port + PORT_OFFSET);
const SECRET = randomBytes(32).toString('hex');
const TOKEN = sign({ sub: 'cluster-test', roles: ['editor'] }, SECRET, { expiresIn: '2h' });
const CREDENTIALS_KEY = randomBytes(32).toString('base64');

const started = Date.now();
const log = (line: string) =>
  console.log(`[test:cluster ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------ instances

class Instance {
  process: ServiceProcess | undefined;
  constructor(
    readonly index: number,
    readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${PORTS[this.index]}`;
  }

  /** Its log goes to <BASE_DIR>/instance-N.log (torn down with the clusters). */
  async start(migrate = false): Promise<void> {
    this.process = await startService(
      PORTS[this.index],
      // Marked as ours, so that a teardown of BASE_DIR - this run's or the next run's, should
      // this one be killed outright - stops the instance too.
      { ...this.env, ...ownedBy(BASE_DIR), MIGRATIONS_RUN: String(migrate) },
      {
        log: openSync(`${BASE_DIR}/instance-${this.index + 1}.log`, 'a'),
        startTimeoutMs: 180_000,
        fromSource: FROM_SOURCE,
      },
    );
  }
}

// ------------------------------------------------------------------------------ load

interface WriteResult {
  readonly op: string;
  readonly instance: number;
  readonly status: number;
  /** When the request was sent and when its answer came (epoch ms). */
  readonly sentAt: number;
  readonly at: number;
  readonly aggregateId?: string;
  readonly revision?: number;
}

class Load {
  readonly results: WriteResult[] = [];
  readonly servers: string[] = [];
  readonly applications: string[] = [];
  /** Applications about to be discarded: no new installs, so none races the reaction. */
  private readonly retiring = new Set<string>();
  /** Installs on their way, per application: a discard waits for them to land first. */
  private readonly installing = new Map<string, number>();
  private running = true;

  constructor(private readonly instances: readonly Instance[]) {}

  async seed(): Promise<void> {
    for (let n = 0; n < 12; n += 1) await this.registerApplication();
    for (let n = 0; n < 24; n += 1) await this.registerServer();
  }

  run(workers: number): Promise<void[]> {
    return Promise.all(Array.from({ length: workers }, () => this.worker()));
  }

  stop(): void {
    this.running = false;
  }

  ok(): WriteResult[] {
    return this.results.filter((result) => result.status >= 200 && result.status < 300);
  }

  private async worker(): Promise<void> {
    while (this.running) {
      const dice = Math.random();
      if (dice < 0.06) await this.registerApplication();
      else if (dice < 0.12) await this.registerServer();
      else if (dice < 0.42) await this.modifyServer();
      else if (dice < 0.62) await this.changeStatus();
      else if (dice < 0.84) await this.install();
      else if (dice < 0.9) await this.modifyApplication();
      else if (dice < 0.93) await this.discardApplication();
      else await sleep(20);
    }
  }

  private async registerApplication(): Promise<void> {
    const body = {
      name: `app-${randomUUID().slice(0, 8)}`,
      version: '1.0',
      architecture: 'x86_64',
    };
    const result = await this.send('register application', 'POST', '/api/v1/applications', body);
    if (result.aggregateId && result.status === 201) this.applications.push(result.aggregateId);
  }

  private async registerServer(): Promise<void> {
    const body = {
      name: `server-${randomUUID().slice(0, 8)}`,
      cpuCores: 4,
      environment: 'production',
      operatingSystem: { name: 'Debian', version: '12', architecture: 'x86_64' },
    };
    const result = await this.send('register server', 'POST', '/api/v1/servers', body);
    if (result.aggregateId && result.status === 201) this.servers.push(result.aggregateId);
  }

  /** A small hot set of servers, so different instances write the same aggregates at once. */
  private hotServer(): string {
    return Math.random() < 0.7 ? pick(this.servers.slice(0, 8)) : pick(this.servers);
  }

  private modifyServer(): Promise<WriteResult> {
    const id = this.hotServer();
    const body = { cpuCores: 1 + Math.floor(Math.random() * 64) };
    return this.send('modify server', 'PATCH', `/api/v1/servers/${id}`, body, id);
  }

  private changeStatus(): Promise<WriteResult> {
    const id = this.hotServer();
    const body = { status: pick(['running', 'stopped', 'error']) };
    return this.send('change status', 'PUT', `/api/v1/servers/${id}/status`, body, id);
  }

  private async install(): Promise<void> {
    const candidates = this.applications.filter((id) => !this.retiring.has(id));
    if (candidates.length === 0) return;
    const id = this.hotServer();
    const applicationId = pick(candidates);
    const path = `/api/v1/servers/${id}/applications/${applicationId}`;
    const body = { installDir: `/opt/app-${Math.floor(Math.random() * 100)}` };
    this.installing.set(applicationId, (this.installing.get(applicationId) ?? 0) + 1);
    try {
      await this.send('install application', 'PUT', path, body, id);
    } finally {
      this.installing.set(applicationId, this.installing.get(applicationId)! - 1);
    }
  }

  private async modifyApplication(): Promise<void> {
    if (this.applications.length === 0) return;
    const id = pick(this.applications);
    const body = { version: `1.${Math.floor(Math.random() * 100)}` };
    await this.send('modify application', 'PATCH', `/api/v1/applications/${id}`, body, id);
  }

  private async discardApplication(): Promise<void> {
    if (this.applications.length < 8) return;
    const id = this.applications.splice(Math.floor(Math.random() * this.applications.length), 1)[0];
    this.retiring.add(id);
    // An install committed after the reaction listed the servers would be a race of the test's
    // making (the service's install and discard are not serialised with each other).
    while ((this.installing.get(id) ?? 0) > 0) await sleep(100);
    await this.send('discard application', 'DELETE', `/api/v1/applications/${id}`, undefined, id);
  }

  private async send(
    op: string,
    method: string,
    path: string,
    body: unknown,
    aggregateId?: string,
  ): Promise<WriteResult> {
    const instance = pick(this.instances.filter((candidate) => candidate.process));
    const sentAt = Date.now();
    let result: WriteResult;
    try {
      const response = await fetch(`${instance.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          // A JSON content type with no body is a 400.
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = response.status === 204 ? undefined : await response.json().catch(() => ({}));
      const etag = response.headers.get('etag');
      result = {
        op,
        instance: instance.index,
        status: response.status,
        sentAt,
        at: Date.now(),
        aggregateId: aggregateId ?? (answer as { id?: string } | undefined)?.id,
        revision: etag ? Number(etag.replace(/"/g, '')) : undefined,
      };
    } catch {
      result = { op, instance: instance.index, status: 0, sentAt, at: Date.now(), aggregateId };
    }
    this.results.push(result);
    if (result.status === 0 || result.status >= 500) await sleep(200);
    return result;
  }
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

// ------------------------------------------------------------------------------ listening

interface Arrival {
  readonly id: string;
  readonly subject: string;
  readonly revision: number;
}

/** A quorum queue bound to the exchange with '#', consumed over all three nodes. */
async function listen(
  rabbit: RabbitCluster,
): Promise<{ arrivals: Arrival[]; close(): Promise<void> }> {
  const arrivals: Arrival[] = [];
  const connection = connectAmqp(rabbit.urls.split(','), { reconnectTimeInSeconds: 1 });
  const channel: ChannelWrapper = connection.createChannel({
    setup: async (amqp: Channel) => {
      await amqp.assertExchange(EXCHANGE, 'topic', { durable: true });
      await amqp.assertQueue(TEST_QUEUE, {
        durable: true,
        arguments: { 'x-queue-type': 'quorum' },
      });
      await amqp.bindQueue(TEST_QUEUE, EXCHANGE, '#');
      await amqp.prefetch(500);
      await amqp.consume(TEST_QUEUE, (message: ConsumeMessage | null) => {
        if (!message) return;
        const event = JSON.parse(message.content.toString('utf8'));
        arrivals.push({ id: event.id, subject: event.subject, revision: event.aggregaterevision });
        amqp.ack(message);
      });
    },
  });
  await channel.waitForConnect();
  return {
    arrivals,
    async close() {
      await channel.close();
      await connection.close();
    },
  };
}

// ------------------------------------------------------------------------------ kills

interface Kill {
  readonly what: string;
  readonly at: number;
  /** The instance that could not write until the node or instance came back. */
  readonly affected?: number;
}

/** Which instance's relay holds the outbox: the lease row if there is one, else GET_LOCK. */
async function relayHolder(galera: GaleraCluster, instances: readonly Instance[]): Promise<number> {
  const lease = await galera.nodes[0]
    .sql(
      "SELECT owner FROM outbox_lease WHERE name = 'outbox_relay' AND expires_at > UTC_TIMESTAMP(3)",
      DATABASE,
    )
    .catch(() => [] as string[][]);
  const owner = lease[0]?.[0];
  if (owner) {
    const holder = instances.find((instance) => owner.includes(String(instance.process?.pid)));
    if (holder) return holder.index;
    log(`relay lease owner "${owner}" matches no instance pid; falling back to GET_LOCK`);
  }
  // GET_LOCK is node-local on Galera: each node may show its own holder; take the first.
  for (const instance of instances) {
    const [row] = await galera.nodes[instance.index].sql(
      `SELECT IS_USED_LOCK('${DATABASE}.outbox_relay')`,
    );
    if (row?.[0] && row[0] !== 'NULL') return instance.index;
  }
  return 0;
}

async function killPhases(
  galera: GaleraCluster,
  rabbit: RabbitCluster,
  instances: readonly Instance[],
): Promise<Kill[]> {
  const kills: Kill[] = [];
  await sleep(STEADY_MS);

  const dbNode = galera.nodes[1];
  log(`SIGKILL Galera node ${dbNode.index} (instance ${dbNode.index}'s database)`);
  kills.push({ what: `galera node ${dbNode.index}`, at: Date.now(), affected: 1 });
  await dbNode.kill('SIGKILL');
  await sleep(DOWN_MS);
  log(`restarting Galera node ${dbNode.index}`);
  await dbNode.restart();
  log(`Galera node ${dbNode.index} is back`);
  await sleep(STEADY_MS);

  const leader = (await rabbit.queueLeader(CONSUMER_QUEUE)) ?? 1;
  const brokerNode = rabbit.nodes[leader - 1];
  log(`SIGKILL RabbitMQ node ${leader}, leader of ${CONSUMER_QUEUE}`);
  kills.push({ what: `rabbitmq node ${leader} (queue leader)`, at: Date.now() });
  await brokerNode.kill('SIGKILL');
  await sleep(DOWN_MS);
  log(`restarting RabbitMQ node ${leader}`);
  await brokerNode.restart();
  log(`RabbitMQ node ${leader} is back`);
  await sleep(STEADY_MS);

  const holder = instances[await relayHolder(galera, instances)];
  log(`SIGKILL instance ${holder.index + 1} (holds the relay)`);
  kills.push({
    what: `instance ${holder.index + 1} (relay holder)`,
    at: Date.now(),
    affected: holder.index,
  });
  const killed = holder.process!;
  holder.process = undefined;
  await killed.kill();
  await sleep(DOWN_MS);
  log(`restarting instance ${holder.index + 1}`);
  await holder.start();
  await sleep(STEADY_MS);
  return kills;
}

/**
 * Per kill: seconds until each instance answered a 2xx write again, counting only writes sent
 * after the kill (one in flight across it says nothing about the instance afterwards).
 */
function resumption(kill: Kill, results: readonly WriteResult[]): number[] {
  return PORTS.map((_, instance) => {
    const first = results.find(
      (result) =>
        result.instance === instance &&
        result.sentAt > kill.at &&
        result.status >= 200 &&
        result.status < 300,
    );
    return first ? (first.at - kill.at) / 1000 : Number.POSITIVE_INFINITY;
  });
}

// ------------------------------------------------------------------------------ checks

interface StoredEvent extends RowDataPacket {
  id: string;
  type: string;
  aggregate_id: string;
  aggregate_revision: number;
  data: string;
  published_at: Date | null;
}

async function waitForDelivery(
  databaseUrl: string,
  arrivals: readonly Arrival[],
): Promise<StoredEvent[]> {
  const db = await createConnection(`${databaseUrl}?dateStrings=false`);
  try {
    await db.query('SET SESSION wsrep_sync_wait = 1');
    for (let waited = 0; ; waited += 1_000) {
      const [events] = await db.query<StoredEvent[]>(
        'SELECT id, type, aggregate_id, aggregate_revision, data, published_at FROM outbox ORDER BY sequence',
      );
      const arrived = new Set(arrivals.map((arrival) => arrival.id));
      const missing = events.filter((event) => !arrived.has(event.id)).length;
      const pending = events.filter((event) => event.published_at === null).length;
      if ((missing === 0 && pending === 0) || waited >= 90_000) {
        log(
          `delivery settled: ${events.length} stored, ${pending} unpublished, ${missing} not arrived`,
        );
        return events;
      }
      if (waited % 5_000 === 0)
        log(`waiting for delivery: ${pending} unpublished, ${missing} not arrived`);
      await sleep(1_000);
    }
  } finally {
    await db.end();
  }
}

/**
 * Reactions to discarded applications still retrying would change servers after the checks
 * read them: wait until the consumer's queue and its retry queue stay empty for 5 s.
 */
async function waitForReactions(rabbit: RabbitCluster): Promise<void> {
  const connection = await amqpConnect(rabbit.urls.split(',')[2]);
  try {
    let quietSince = Date.now();
    for (const started = Date.now(); Date.now() - started < 120_000;) {
      const channel = await connection.createChannel();
      const depths = await Promise.all(
        [CONSUMER_QUEUE, `${CONSUMER_QUEUE}.retry`].map(
          async (queue) => (await channel.checkQueue(queue)).messageCount,
        ),
      );
      await channel.close();
      if (depths.some((depth) => depth > 0)) quietSince = Date.now();
      if (Date.now() - quietSince >= 5_000) return;
      await sleep(1_000);
    }
    log('the reactions did not settle within 120 s');
  } finally {
    await connection.close();
  }
}

async function currentRevisions(databaseUrl: string): Promise<Map<string, number>> {
  const db = await createConnection(databaseUrl);
  try {
    await db.query('SET SESSION wsrep_sync_wait = 1');
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT id, revision FROM servers UNION ALL SELECT id, revision FROM applications',
    );
    return new Map(rows.map((row) => [row.id as string, Number(row.revision)]));
  } finally {
    await db.end();
  }
}

async function installedPairs(databaseUrl: string): Promise<Set<string>> {
  const db = await createConnection(databaseUrl);
  try {
    await db.query('SET SESSION wsrep_sync_wait = 1');
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT server_id, application_id FROM server_applications',
    );
    return new Set(rows.map((row) => `${row.server_id}/${row.application_id}`));
  } finally {
    await db.end();
  }
}

function check(failures: string[], ok: boolean, what: string): void {
  console.log(`${ok ? 'ok' : 'NOT OK'} - ${what}`);
  if (!ok) failures.push(what);
}

async function verify(
  databaseUrl: string,
  load: Load,
  events: readonly StoredEvent[],
  arrivals: readonly Arrival[],
): Promise<{ failures: string[]; duplicates: number }> {
  const failures: string[] = [];
  const revisions = await currentRevisions(databaseUrl);
  const stored = new Set(
    events.map((event) => `${event.aggregate_id}@${event.aggregate_revision}`),
  );

  const unstored = load
    .ok()
    .filter(
      (write) =>
        write.aggregateId !== undefined &&
        (!stored.has(`${write.aggregateId}@${write.revision}`) ||
          (revisions.get(write.aggregateId) ?? 0) < (write.revision ?? 0)),
    );
  check(
    failures,
    unstored.length === 0,
    `every 2xx write is stored (${load.ok().length} writes, ${unstored.length} not)`,
  );

  const byAggregate = new Map<string, number[]>();
  for (const event of events) {
    const list = byAggregate.get(event.aggregate_id) ?? [];
    list.push(event.aggregate_revision);
    byAggregate.set(event.aggregate_id, list);
  }
  const gaps = [...byAggregate.entries()].filter(([id, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted.some((revision, n) => revision !== n + 1) || revisions.get(id) !== sorted.length;
  });
  for (const [id, list] of gaps.slice(0, 3)) {
    console.log(`  e.g. ${id}: events at revisions ${list.join(',')}, row at ${revisions.get(id)}`);
  }
  check(
    failures,
    gaps.length === 0,
    `revisions contiguous per aggregate (${byAggregate.size} aggregates, ${gaps.length} with gaps)`,
  );

  const arrived = new Set(arrivals.map((arrival) => arrival.id));
  const missing = events.filter((event) => !arrived.has(event.id));
  check(
    failures,
    missing.length === 0,
    `every stored event arrived (${events.length} events, ${missing.length} missing)`,
  );

  const firstSeen = new Set<string>();
  const lastFirstRevision = new Map<string, number>();
  let duplicates = 0;
  let outOfOrder = 0;
  for (const arrival of arrivals) {
    if (firstSeen.has(arrival.id)) {
      duplicates += 1;
      continue;
    }
    firstSeen.add(arrival.id);
    if ((lastFirstRevision.get(arrival.subject) ?? 0) > arrival.revision) outOfOrder += 1;
    lastFirstRevision.set(arrival.subject, arrival.revision);
  }
  check(
    failures,
    outOfOrder === 0,
    `first deliveries in revision order per aggregate (${outOfOrder} out of order; ${duplicates} duplicates)`,
  );

  const discarded = events
    .filter((event) => event.type === 'server.application.discarded')
    .map((event) => event.aggregate_id);
  const installed = await installedPairs(databaseUrl);
  const reactions = new Map<string, number>();
  const lastChange = new Map<string, string>();
  for (const event of events) {
    if (!event.type.startsWith('server.server.application_')) continue;
    const data = JSON.parse(event.data) as { applicationId: string; reason?: string };
    const pair = `${event.aggregate_id}/${data.applicationId}`;
    lastChange.set(pair, event.type);
    if (data.reason === 'application_discarded')
      reactions.set(pair, (reactions.get(pair) ?? 0) + 1);
  }
  const discardedSet = new Set(discarded);
  const pairs = [...lastChange.keys()].filter((pair) => discardedSet.has(pair.split('/')[1]));
  const wrong = pairs.filter(
    (pair) =>
      (reactions.get(pair) ?? 0) > 1 ||
      installed.has(pair) ||
      lastChange.get(pair) !== 'server.server.application_uninstalled',
  );
  const ran = [...reactions.values()].reduce((sum, count) => sum + count, 0);
  for (const pair of wrong.slice(0, 3)) {
    console.log(
      `  e.g. ${pair}: last change ${lastChange.get(pair)}, ${reactions.get(pair) ?? 0} reaction uninstalls, ${installed.has(pair) ? '' : 'not '}installed`,
    );
  }
  check(
    failures,
    wrong.length === 0,
    `application-discarded reaction ran exactly once per server (${discarded.length} discards, ${ran} uninstalls, ${wrong.length} wrong)`,
  );
  return { failures, duplicates };
}

// ------------------------------------------------------------------------------ main

let instances: Instance[] = [];

function killInstances(): Promise<unknown> {
  return Promise.all(instances.map((instance) => instance.process?.kill().catch(() => undefined)));
}

async function main(): Promise<number> {
  const missing = missingPrerequisites();
  if (missing.length > 0) {
    console.error(
      `test:cluster needs MariaDB with Galera, rsync and RabbitMQ installed on this machine:\n` +
        missing.map((line) => `  - ${line}`).join('\n'),
    );
    return 1;
  }
  log(
    `${SHORT ? 'short' : 'full'} run, instances from ${FROM_SOURCE ? 'source' : 'dist/'}; ` +
      `clearing leftovers of an earlier run under ${BASE_DIR}`,
  );
  await down(BASE_DIR, () => undefined);
  mkdirSync(LOG_DIR, { recursive: true });
  let listener: { arrivals: Arrival[]; close(): Promise<void> } | undefined;
  try {
    log('starting 3 Galera nodes and 3 RabbitMQ nodes');
    const [galera, rabbit] = await Promise.all([
      startGalera({
        baseDir: BASE_DIR,
        basePort: DEFAULT_GALERA_BASE_PORT + PORT_OFFSET,
        syncWait: 1,
        log: (line) => log(`galera: ${line}`),
      }),
      startRabbitCluster({
        baseDir: BASE_DIR,
        basePort: DEFAULT_RABBIT_BASE_PORT + PORT_OFFSET,
        epmdPort: DEFAULT_EPMD_PORT + PORT_OFFSET,
        log: (line) => log(`rabbitmq: ${line}`),
      }),
    ]);
    await galera.nodes[0].sql(`CREATE DATABASE ${DATABASE}`);
    const brokers = rabbit.urls.split(',');
    instances = galera.nodes.map(
      (node, index) =>
        new Instance(index, {
          DATABASE_URL: `${node.url.replace(/\/$/, '')}/${DATABASE}`,
          // Every instance lists all brokers, each starting with another node.
          RABBITMQ_URL: [...brokers.slice(index), ...brokers.slice(0, index)].join(','),
          AUTH_JWT_SECRET: SECRET,
          CREDENTIALS_KEY,
          RABBITMQ_EXCHANGE: EXCHANGE,
          RABBITMQ_QUEUE_PREFIX: QUEUE_PREFIX,
        }),
    );
    listener = await listen(rabbit);
    log('instance 1 migrates the schema (MIGRATIONS_RUN=true), then instances 2 and 3 start');
    await instances[0].start(true);
    await Promise.all(instances.slice(1).map((instance) => instance.start()));

    const load = new Load(instances);
    await load.seed();
    log(`seeded; load with ${WORKERS} concurrent writers through all three instances`);
    const loadDone = load.run(WORKERS);
    const ticker = setInterval(() => {
      const ok = load.ok().length;
      log(
        `progress: ${load.results.length} writes (${ok} 2xx), ${listener!.arrivals.length} events received`,
      );
    }, 5_000);
    let kills: Kill[];
    try {
      kills = await killPhases(galera, rabbit, instances);
    } finally {
      load.stop();
      await loadDone;
      clearInterval(ticker);
    }
    log('load stopped; waiting for every stored event to arrive');

    await waitForReactions(rabbit);
    const events = await waitForDelivery(instances[0].env.DATABASE_URL, listener.arrivals);
    await sleep(2_000); // duplicates still in flight show up in the count
    const { failures, duplicates } = await verify(
      instances[0].env.DATABASE_URL,
      load,
      events,
      listener.arrivals,
    );

    const statuses = new Map<number, number>();
    for (const result of load.results)
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    const resumed = kills.map((kill) => {
      const times = resumption(kill, load.results);
      const others = times.filter((_, instance) => instance !== kill.affected);
      // A run whose writes never came back proves nothing about losses: it is a failure too.
      check(
        failures,
        others.every(Number.isFinite),
        `writes resumed on the instances not hit by ${kill.what}`,
      );
      return `${kill.what}: ${Math.max(...others).toFixed(1)} s (all instances ${Math.max(...times).toFixed(1)} s)`;
    });
    for (const line of resumed) console.log(`writes resumed after ${line}`);
    console.log(
      `FIGURES mode=${SHORT ? 'short' : 'full'} instances=${FROM_SOURCE ? 'source' : 'dist'} duration=${((Date.now() - started) / 1000).toFixed(0)}s ` +
        `writes=${load.results.length} ` +
        `statuses=${[...statuses.entries()]
          .sort()
          .map(([status, count]) => `${status}:${count}`)
          .join(',')} ` +
        `events=${events.length} received=${listener.arrivals.length} duplicates=${duplicates} ` +
        `(${((duplicates / Math.max(events.length, 1)) * 100).toFixed(1)}%) ` +
        `resumed=[${resumed.join('; ')}] failures=${failures.length}`,
    );
    return failures.length === 0 ? 0 : 1;
  } finally {
    log('tearing down');
    await listener?.close().catch(() => undefined);
    await killInstances();
    for (const instance of instances) {
      const file = `instance-${instance.index + 1}.log`;
      if (existsSync(`${BASE_DIR}/${file}`)) cpSync(`${BASE_DIR}/${file}`, `${LOG_DIR}/${file}`);
    }
    await down(BASE_DIR, () => undefined);
  }
}

// Interrupted (Ctrl-C, a CI timeout): the clusters and instances must not outlive the run.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: tearing down`);
    void killInstances()
      .then(() => down(BASE_DIR, () => undefined))
      .finally(() => process.exit(1));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
