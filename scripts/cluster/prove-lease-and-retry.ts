/**
 * Checks the outbox lease and whole-transaction retry on a real 3-node Galera cluster (issue 11):
 * two "instances" (each its own connections and unit of work) on two different nodes.
 *   TS_NODE_TRANSPILE_ONLY=1 npx ts-node -r tsconfig-paths/register scripts/cluster/prove-lease-and-retry.ts
 * Exit 1 on any failed check; prints one figures line.
 */
import 'reflect-metadata';
import { setTimeout as delay } from 'node:timers/promises';
import { SystemClock } from '@servertree/ddd';
import { Dialect, Metrics, UnitOfWork } from '@servertree/platform';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { OutboxLease, OutboxLeaseRecord, OutboxRecord } from '@servertree/messaging';
import { down, startGalera } from './local-cluster';

const BASE_DIR = '/tmp/servertree-prove-lease';
/** Writers per instance, each running this many increments of one row, one after the other. */
const CONCURRENCY = 8;
const INCREMENTS_EACH = 20;

async function main(): Promise<void> {
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  const galera = await startGalera({ baseDir: BASE_DIR, basePort: 14300, syncWait: 1 });
  const sources: DataSource[] = [];
  try {
    await galera.nodes[0].sql('CREATE DATABASE servertree');
    const open = async (node: number) => {
      const url = `${galera.nodes[node].url.replace(/\/$/, '')}/servertree`;
      const dialect = Dialect.of({ kind: 'mysql', url, poolSize: CONCURRENCY });
      const dataSource = await new DataSource(
        dialect.dataSourceOptions({ migrations, entities: [OutboxRecord, OutboxLeaseRecord] }),
      ).initialize();
      sources.push(dataSource);
      return { dataSource, unitOfWork: new UnitOfWork(dataSource, dialect, new Metrics()) };
    };
    const first = await open(0);
    await first.dataSource.runMigrations();
    const second = await open(1);
    const clock = new SystemClock();

    // Lease: both instances try at once, over and over; never both hold it.
    console.log('lease: two instances on node 1 and node 2 try to hold it at once, 40 rounds');
    const leases = [
      new OutboxLease(first.unitOfWork, clock, 1_000),
      new OutboxLease(second.unitOfWork, clock, 1_000),
    ];
    let bothHeld = 0;
    let holders = 0;
    for (let round = 0; round < 40; round += 1) {
      const held = await Promise.all(leases.map((lease) => lease.hold()));
      if (held[0] && held[1]) bothHeld += 1;
      if (held[0] || held[1]) holders += 1;
      if (round % 10 === 9) {
        // Let the lease lapse so the next round is a race for a free lease again.
        for (const lease of leases) await lease.release();
      }
      await delay(50);
    }
    check(bothHeld === 0, `never held by both (${bothHeld} of 40 rounds)`);
    check(holders === 40, `held by one in every round (${holders} of 40)`);

    // Fencing across nodes: the node-1 holder stalls past expiry, node 2 takes over.
    for (const lease of leases) await lease.release();
    await first.dataSource.query(
      "INSERT INTO outbox (id, type, aggregate_type, aggregate_id, aggregate_revision, occurred_at, correlation_id, actor, data) VALUES (UUID(), 't', 't', UUID(), 1, NOW(3), 'c', 'a', '{}')",
    );
    const [row] = await first.dataSource.getRepository(OutboxRecord).find();
    check(await leases[0].hold(), 'node-1 instance takes the free lease');
    await delay(1_100);
    check(await leases[1].hold(), 'node-2 instance takes it over once expired');
    const refused = await leases[0].markPublished([row], clock.now()).then(
      () => false,
      () => true,
    );
    check(refused, "the stale node-1 holder's mark is refused");

    // Retry: both instances increment one row concurrently through different nodes: Galera
    // certification fails one of two conflicting commits (ER_LOCK_DEADLOCK); the unit of work
    // runs it again. Without the retry, increments would be lost as errors.
    await first.dataSource.query('CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)');
    await first.dataSource.query('INSERT INTO counter VALUES (1, 0)');
    await delay(500);
    let attempts = 0;
    let errors = 0;
    const giveUps = new Set<string>();
    const increment = async ({ unitOfWork }: { unitOfWork: UnitOfWork }) => {
      await unitOfWork
        .run(async () => {
          attempts += 1;
          const manager = await unitOfWork.manager();
          await manager.query('UPDATE counter SET n = n + 1 WHERE id = 1');
        })
        .catch((error: Error) => {
          errors += 1;
          giveUps.add(
            `${error.name}: ${error.message} / ${String((error.cause as Error)?.message)}`,
          );
        });
    };
    const started = Date.now();
    await Promise.all(
      [first, second].flatMap((instance) =>
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = 0; i < INCREMENTS_EACH; i += 1) await increment(instance);
        }),
      ),
    );
    const [{ n }] = await second.dataSource.query('SELECT n FROM counter WHERE id = 1');
    const runs = 2 * CONCURRENCY * INCREMENTS_EACH;
    console.log(
      `retry: ${runs} transactions, ${attempts} attempts (${attempts - runs} re-runs), ${errors} gave up, counter ${n}, ${Date.now() - started} ms`,
    );
    check(attempts > runs, 'certification conflicts happened and were run again');
    check(Number(n) === runs - errors, `every committed increment counted once (${n})`);
    // 16 writers on one row is contention far beyond a real workload: some may exhaust the
    // attempts, and must then fail as DatabaseBusyError (503), having changed nothing.
    check(
      [...giveUps].every((message) => message.startsWith('DatabaseBusyError')),
      `whoever gave up did so as DatabaseBusyError (${giveUps.size === 0 ? 'none' : [...giveUps].join('; ')})`,
    );
  } finally {
    for (const dataSource of sources) await dataSource.destroy().catch(() => undefined);
    await galera.stop().catch(() => undefined);
    await down(BASE_DIR).catch(() => undefined);
  }
  console.log(failures.length === 0 ? 'all checks passed' : `${failures.length} checks failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}

void main();
