import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Identifier, SystemClock } from '@servertree/ddd';
import { Dialect, Metrics, UnitOfWork } from '@servertree/platform';
import { DataSource } from 'typeorm';
import { migrations } from '../../../../migrations';
import { createTestDatabase, TestDatabase } from '../../../../test/support/mariadb';
import type { CloudEvent } from '../contracts/cloud-event';
import { Delivery, EventTransport } from '../event-transport';
import { toCloudEvent } from './cloud-event.mapper';
import { OutboxLease, OutboxLeaseLostError } from './outbox-lease';
import { OutboxLeaseRecord } from './outbox-lease.record';
import { OutboxRecord } from './outbox.record';
import { OutboxRelay } from './outbox-relay';

/** Records what it was given; `stall()` makes publish hang, as a frozen or dying process does. */
class RecordingTransport extends EventTransport {
  readonly name = 'recording';
  readonly published: CloudEvent[] = [];
  private stalled: Promise<void> | undefined;
  private resume: (() => void) | undefined;
  calls = 0;

  stall(): void {
    this.stalled = new Promise((resolve) => (this.resume = resolve));
  }

  unstall(): void {
    this.resume?.();
    this.stalled = undefined;
  }

  async publish(records: readonly OutboxRecord[]): Promise<Delivery> {
    this.calls += 1;
    await this.stalled;
    this.published.push(...records.map(toCloudEvent));
    return { confirmed: records.length };
  }

  isReachable(): boolean {
    return true;
  }
}

/** One service instance's view of the shared database: its own connections and unit of work. */
interface Instance {
  readonly dataSource: DataSource;
  readonly unitOfWork: UnitOfWork;
  lease(durationMs: number): OutboxLease;
}

async function until(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await delay(50);
  }
  return Date.now() - started;
}

describe.each(['mysql', 'sqlite'] as const)('OutboxLease on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dir: string;
  const instances: Instance[] = [];
  const clock = new SystemClock();

  async function instance(): Promise<Instance> {
    // The embedded database belongs to one process: its relays share the connection.
    if (kind === 'sqlite' && instances.length > 0) {
      const { dataSource, unitOfWork } = instances[0];
      return { dataSource, unitOfWork, lease: (ms) => new OutboxLease(unitOfWork, clock, ms) };
    }
    const dialect = Dialect.of(
      database
        ? { kind: 'mysql', url: database.url, poolSize: 4 }
        : { kind: 'sqlite', path: join(dir, 'db.sqlite') },
    );
    const dataSource = await new DataSource(
      dialect.dataSourceOptions({ migrations, entities: [OutboxRecord, OutboxLeaseRecord] }),
    ).initialize();
    const unitOfWork = new UnitOfWork(dataSource, dialect, new Metrics());
    const created = {
      dataSource,
      unitOfWork,
      lease: (durationMs: number) => new OutboxLease(unitOfWork, clock, durationMs),
    };
    instances.push(created);
    return created;
  }

  /** A relay of its own instance, holding the lease for `leaseMs` while it delivers. */
  async function relayOn(transport: RecordingTransport, leaseMs: number): Promise<OutboxRelay> {
    return new OutboxRelay(
      (await instance()).lease(leaseMs),
      transport,
      clock,
      new Metrics(),
      false,
    );
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'servertree-lease-'));
    database = kind === 'mysql' ? await createTestDatabase('lease') : undefined;
    await (await instance()).dataSource.runMigrations();
  });

  afterAll(async () => {
    for (const dataSource of new Set(instances.map((i) => i.dataSource))) {
      await dataSource.destroy();
    }
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    const { dataSource } = instances[0];
    await dataSource.query('DELETE FROM outbox');
    await dataSource.query(
      "UPDATE outbox_lease SET owner = NULL, expires_at = '1970-01-01 00:00:00.000'",
    );
  });

  /** Stores `revisions` events for each of `aggregates` new aggregates, interleaved. */
  async function storeEvents(aggregates: number, revisions: number): Promise<void> {
    const ids = Array.from({ length: aggregates }, () => Identifier.generate());
    const rows = [];
    for (let revision = 1; revision <= revisions; revision += 1) {
      for (const aggregateId of ids) {
        rows.push({
          id: Identifier.generate(),
          type: 'test.thing.changed',
          aggregateType: 'thing',
          aggregateId,
          aggregateRevision: revision,
          occurredAt: new Date(),
          correlationId: 'lease-test',
          actor: 'test',
          data: '{}',
          publishedAt: null,
        });
      }
    }
    await instances[0].dataSource.getRepository(OutboxRecord).insert(rows);
  }

  async function unpublished(): Promise<number> {
    const [{ n }] = await instances[0].dataSource.query(
      'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
    );
    return Number(n);
  }

  function expectRevisionOrder(events: readonly CloudEvent[]): void {
    const last = new Map<string, number>();
    for (const event of events) {
      expect(event.aggregaterevision).toBe((last.get(event.subject) ?? 0) + 1);
      last.set(event.subject, event.aggregaterevision);
    }
  }

  it('is held by one instance at a time; a stale holder is fenced off after a takeover', async () => {
    const [first, second] = [(await instance()).lease(1_000), (await instance()).lease(1_000)];
    await storeEvents(1, 2);
    const [older, newer] = await instances[0].dataSource
      .getRepository(OutboxRecord)
      .find({ order: { sequence: 'ASC' } });

    expect(await first.hold()).toBe(true);
    expect(await second.hold()).toBe(false);
    await first.markPublished([older], clock.now());

    // The first holder stalls (no renewal) past its expiry; the second takes over.
    await delay(1_100);
    expect(await second.hold()).toBe(true);
    await expect(first.markPublished([newer], clock.now())).rejects.toBeInstanceOf(
      OutboxLeaseLostError,
    );
    expect(await unpublished()).toBe(1);
    expect(await first.hold()).toBe(false);

    await second.markPublished([newer], clock.now());
    expect(await unpublished()).toBe(0);
    const [{ token }] = await instances[0].dataSource.query('SELECT token FROM outbox_lease');
    expect(Number(token)).toBe(2);
  });

  it('lets only the holder publish: two relays on one database send every event once, in order', async () => {
    await storeEvents(8, 5);
    const transports = [new RecordingTransport(), new RecordingTransport()];
    const relays = [await relayOn(transports[0], 2_000), await relayOn(transports[1], 2_000)];
    relays.forEach((relay) => relay.onApplicationBootstrap());
    try {
      await until(async () => (await unpublished()) === 0, 10_000);
      await storeEvents(8, 5);
      relays.forEach((relay) => relay.publishPending());
      await until(async () => (await unpublished()) === 0, 10_000);
    } finally {
      for (const relay of relays) await relay.onModuleDestroy();
    }
    const counts = transports.map((transport) => transport.published.length).sort();
    expect(counts).toEqual([0, 80]);
    const published = transports.flatMap((transport) => transport.published);
    expect(new Set(published.map((event) => event.id)).size).toBe(80);
    expectRevisionOrder(published);
  });

  it('fails over within the lease when the holder stops, keeping each aggregate in order', async () => {
    const leaseMs = 1_500;
    await storeEvents(6, 4);
    const stalled = new RecordingTransport();
    stalled.stall();
    const leader = await relayOn(stalled, leaseMs);
    leader.onApplicationBootstrap();
    await until(() => stalled.calls > 0, 5_000);

    const successor = new RecordingTransport();
    const follower = await relayOn(successor, leaseMs);
    follower.onApplicationBootstrap();
    try {
      const failover = await until(async () => (await unpublished()) === 0, 10_000);
      // The lease, plus one poll of the follower (500 ms), plus scheduling slack.
      expect(failover).toBeLessThan(leaseMs + 1_500);
      expect(successor.published).toHaveLength(24);
      expectRevisionOrder(successor.published);

      // The stalled leader wakes up, sends its batch late (duplicates) and is refused the mark.
      stalled.unstall();
      await until(() => stalled.published.length > 0, 5_000);
    } finally {
      await leader.onModuleDestroy();
      await follower.onModuleDestroy();
    }
    expect(await unpublished()).toBe(0);
  });
});
