/**
 * Exercises the local cluster harness once, end to end, and prints the timings:
 * Galera write on node 1 / read on node 3, SIGKILL + restart of Galera node 2 (must rejoin by IST),
 * RabbitMQ quorum queue with confirms, SIGKILL of the queue leader's node, consume elsewhere, restart.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 ts-node scripts/cluster/prove-harness.ts [--dir /tmp/servertree-cluster-prove]
 *
 * Exits non-zero on any failed check. Always tears the clusters down.
 */
import * as amqp from 'amqplib';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  GaleraCluster,
  RabbitCluster,
  down,
  ourPids,
  rssKiB,
  startGalera,
  startRabbitCluster,
} from './local-cluster';

const argDir = process.argv.indexOf('--dir');
const baseDir = argDir > 0 ? process.argv[argDir + 1] : '/tmp/servertree-cluster-prove';
const figures: Record<string, string> = {};
const s = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);

function check(cond: unknown, what: string): void {
  if (!cond) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

async function galeraChecks(g: GaleraCluster): Promise<void> {
  const [n1, n2, n3] = g.nodes;
  await n1.sql(
    'CREATE DATABASE IF NOT EXISTS harness; CREATE TABLE IF NOT EXISTS harness.t (id INT PRIMARY KEY, v VARCHAR(40))',
  );
  await n1.sql("INSERT INTO harness.t VALUES (1, 'written on node 1')");
  const rows = await n3.sql('SET SESSION wsrep_sync_wait=1; SELECT v FROM harness.t WHERE id=1');
  check(
    rows[0]?.[0] === 'written on node 1',
    'row written on Galera node 1 is read on node 3 (wsrep_sync_wait=1)',
  );

  const tk = Date.now();
  await n2.kill('SIGKILL');
  check(!n2.isAlive(), 'Galera node 2 SIGKILLed');
  const sizeAfterKill = await until(async () => {
    const st = await g.status();
    return st[0].size === 2 ? st[0].size : undefined;
  }, 30_000);
  figures.galera_evict_s = s(tk);
  check(
    sizeAfterKill === 2,
    `cluster size 2 after the kill (evicted in ${figures.galera_evict_s} s)`,
  );
  for (let id = 2; id <= 101; id++)
    await n1.sql(`INSERT INTO harness.t VALUES (${id}, 'while node 2 was down')`);
  const tr = Date.now();
  await n2.restart();
  figures.galera_restart_s = s(tr);
  const st = await g.status();
  check(
    st.every((x) => x.size === 3 && x.state === 'Synced'),
    `Galera cluster size back to 3, all Synced (restart took ${figures.galera_restart_s} s)`,
  );
  const c = await n2.sql('SET SESSION wsrep_sync_wait=1; SELECT COUNT(*) FROM harness.t');
  check(c[0][0] === '101', 'restarted node 2 has the 100 rows written while it was down');
  const errLog = fs.readFileSync(path.join(baseDir, 'galera', 'node2', 'error.log'), 'utf8');
  const lastStart = errLog.slice(errLog.lastIndexOf(' as process '));
  const ist = /IST received/.test(lastStart);
  figures.galera_rejoin = ist
    ? 'IST'
    : /SST (received|complete)|Joiner monitor thread ended/.test(lastStart)
      ? 'SST'
      : 'unknown';
  check(ist, `node 2 rejoined by IST (log says ${figures.galera_rejoin})`);
}

async function until<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

async function rabbitChecks(r: RabbitCluster): Promise<void> {
  const q = 'harness.quorum';
  const total = 1000;
  const pub = await amqp.connect(r.nodes[0].url);
  const ch = await pub.createConfirmChannel();
  await ch.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  const tp = Date.now();
  for (let i = 0; i < total; i++)
    ch.sendToQueue(q, Buffer.from(String(i)), { persistent: true, messageId: String(i) });
  await ch.waitForConfirms();
  figures.rabbit_publish_1000_confirmed_s = s(tp);
  check(true, `${total} messages published to quorum queue with confirms via node 1`);
  await pub.close();

  const leader = await r.queueLeader(q);
  check(leader !== undefined, `queue leader is node ${leader}`);
  const victim = r.nodes[leader! - 1];
  const other = r.nodes.find((n) => n.index !== leader)!;
  const tk = Date.now();
  await victim.kill('SIGKILL');
  check(!victim.isAlive(), `leader node ${leader} SIGKILLed`);

  const seen = new Set<string>();
  let deliveries = 0;
  const conn = await until(() => amqp.connect(other.url), 30_000);
  check(conn, `connected to node ${other.index}`);
  const cch = await conn!.createChannel();
  await cch.prefetch(200);
  const done = new Promise<void>((resolve) => {
    void cch.consume(q, (m) => {
      if (!m) return;
      deliveries++;
      seen.add(m.properties.messageId as string);
      cch.ack(m);
      if (seen.size === total) resolve();
    });
  });
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 60_000));
  await Promise.race([done, timeout]);
  figures.rabbit_consume_after_leader_kill_s = s(tk);
  check(
    seen.size === total,
    `all ${total} messages consumed from node ${other.index} after the leader's kill (${deliveries} deliveries)`,
  );
  await conn!.close();

  const tr = Date.now();
  await victim.restart();
  figures.rabbit_restart_s = s(tr);
  check(
    victim.isAlive(),
    `node ${leader} restarted and back in the cluster in ${figures.rabbit_restart_s} s`,
  );
}

async function main(): Promise<number> {
  await down(baseDir);
  const t0 = Date.now();
  let g: GaleraCluster | undefined;
  let r: RabbitCluster | undefined;
  try {
    const tg = Date.now();
    const tr = Date.now();
    [g, r] = await Promise.all([
      startGalera({ baseDir }).then((x) => ((figures.galera_start_s = s(tg)), x)),
      startRabbitCluster({ baseDir }).then((x) => ((figures.rabbit_start_s = s(tr)), x)),
    ]);
    figures.both_start_s = s(t0);
    const pids = ourPids(baseDir);
    figures.rss_mib = String(Math.round(pids.reduce((a, p) => a + rssKiB(p), 0) / 1024));
    figures.processes = String(pids.length);
    await galeraChecks(g);
    await rabbitChecks(r);
    return 0;
  } catch (e) {
    console.error(`FAIL: ${(e as Error).message}`);
    return 1;
  } finally {
    const td = Date.now();
    await down(baseDir);
    figures.down_s = s(td);
    check(ourPids(baseDir).length === 0, 'no process of the harness left');
    console.log(
      'figures ' +
        Object.entries(figures)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
    );
  }
}

void main().then((code) => process.exit(code));
