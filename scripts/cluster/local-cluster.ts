/**
 * Starts and stops, on this machine, a local MariaDB Galera cluster and a local RabbitMQ
 * cluster, each node on its own ports and data directory under one base directory.
 *
 * It never touches the machine's own MariaDB (3306), RabbitMQ (5672/25672) or epmd (4369):
 * every process it signals is one it started, recorded in a pid file under the base
 * directory and re-checked (its environment carries SERVERTREE_CLUSTER_DIR=<baseDir>)
 * before any signal is sent.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 ts-node scripts/cluster/local-cluster.ts up|down|status [--dir D]
 *
 * See scripts/cluster/README.md for ports, timings and gotchas.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const DEFAULT_BASE_DIR = '/tmp/servertree-cluster';
export const DEFAULT_GALERA_BASE_PORT = 13300;
export const DEFAULT_RABBIT_BASE_PORT = 15600;
export const DEFAULT_EPMD_PORT = 4370;
const MARKER = 'SERVERTREE_CLUSTER_DIR';

const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const MARIADBD = '/usr/sbin/mariadbd';
const MARIADB_INSTALL_DB = '/usr/bin/mariadb-install-db';
const MARIADB_CLIENT = '/usr/bin/mariadb';
const EPMD = '/usr/bin/epmd';
/** Galera's rsync state transfer (wsrep_sst_rsync) runs it to copy a joiner's data. */
const RSYNC = '/usr/bin/rsync';
const PATH_ENV = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type Log = (line: string) => void;
const defaultLog: Log = (line) =>
  console.log(`[cluster ${new Date().toISOString().slice(11, 23)}] ${line}`);

export interface ClusterNode {
  /** 1-based */
  readonly index: number;
  readonly name: string;
  /** client port (MariaDB SQL port / AMQP port) */
  readonly port: number;
  /** pid of the server process itself (mariadbd / beam.smp); changes on restart */
  readonly pid: number;
  /** Signals the node's server process (default SIGKILL) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the node again with the same arguments and waits until it is synced/running in the cluster. */
  restart(): Promise<void>;
  isAlive(): boolean;
}

export interface GaleraNode extends ClusterNode {
  /** mysql://root@127.0.0.1:<port>/ */
  readonly url: string;
  readonly socket: string;
  /** SQL through the mariadb client (--no-defaults), tab-separated rows. */
  sql(statement: string, database?: string): Promise<string[][]>;
}

export interface RabbitNode extends ClusterNode {
  /** amqp://guest:guest@127.0.0.1:<port> */
  readonly url: string;
  readonly nodename: string;
  /** rabbitmqctl against this node, with the cluster's private HOME/cookie/epmd. */
  ctl(...args: string[]): Promise<string>;
}

export interface GaleraCluster {
  readonly nodes: GaleraNode[];
  /** cluster size and state as seen from every running node */
  status(): Promise<{ node: number; size: number; state: string }[]>;
  /** Waits until every node reports wsrep_cluster_size=N and Synced. */
  waitSynced(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface RabbitCluster {
  readonly nodes: RabbitNode[];
  /** comma-separated AMQP URLs of all nodes, the form RABBITMQ_URL accepts */
  readonly urls: string;
  /** 1-based index of the node leading a quorum queue (vhost /), or undefined */
  queueLeader(queue: string): Promise<number | undefined>;
  /** Waits until node 1's (or any running node's) view lists all N nodes as running. */
  waitClustered(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface GaleraOptions {
  baseDir?: string;
  nodes?: number;
  /** node i (1-based) uses basePort+10*i (SQL), +1 (gcomm), +2 (IST), +3 (SST) */
  basePort?: number;
  /** wsrep_sync_wait for every session (0 = MariaDB's default; 1 = reads wait for the cluster) */
  syncWait?: number;
  log?: Log;
}

export interface RabbitOptions {
  baseDir?: string;
  nodes?: number;
  /** node i (1-based) uses basePort+10*i (AMQP), +1 (Erlang distribution); CLI uses basePort+1..+9 */
  basePort?: number;
  epmdPort?: number;
  log?: Log;
}

// ---------------------------------------------------------------- process helpers

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function run(
  file: string,
  args: string[],
  opts: {
    env?: NodeJS.ProcessEnv;
    uid?: number;
    gid?: number;
    timeoutMs?: number;
    cwd?: string;
  } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        env: opts.env ?? { PATH: PATH_ENV },
        uid: opts.uid,
        gid: opts.gid,
        cwd: opts.cwd,
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** alive and not a zombie */
export function pidAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** True only if the process carries our marker for this base directory (guards against pid reuse). */
function pidIsOurs(pid: number, baseDir: string): boolean {
  try {
    const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return env.includes(`${MARKER}=${baseDir}`);
  } catch {
    return false;
  }
}

function childPids(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function comm(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

export function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!pidAlive(pid)) return true;
    await sleep(100);
  }
  return !pidAlive(pid);
}

/** Signals pid only if it is alive and ours. */
function signalOurs(pid: number, baseDir: string, signal: NodeJS.Signals): boolean {
  if (!pidAlive(pid) || !pidIsOurs(pid, baseDir)) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid: number, baseDir: string, graceMs: number): Promise<void> {
  if (!signalOurs(pid, baseDir, 'SIGTERM')) return;
  if (await waitGone(pid, graceMs)) return;
  signalOurs(pid, baseDir, 'SIGKILL');
  await waitGone(pid, 5_000);
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(true));
    srv.listen({ port, host: '0.0.0.0', exclusive: true }, () => srv.close(() => resolve(false)));
  });
}

async function assertPortsFree(ports: number[], what: string): Promise<void> {
  const busy: number[] = [];
  for (const p of ports) if (await portInUse(p)) busy.push(p);
  if (busy.length) {
    throw new Error(
      `${what}: port(s) ${busy.join(', ')} already in use on this machine; ` +
        `run "local-cluster.ts down" if a previous cluster is still up, or choose another base port`,
    );
  }
}

function writePid(file: string, pid: number): void {
  fs.writeFileSync(file, `${pid}\n`);
}

function readPid(file: string): number {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || 0;
  } catch {
    return 0;
  }
}

function mkdirp(dir: string, owner?: { uid: number; gid: number }): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
  for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return { uid: Number(f[2]), gid: Number(f[3]) };
  }
  return undefined;
}

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  intervalMs = 500,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    await sleep(intervalMs);
  }
}

const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------- Galera

interface GaleraLayout {
  dir: string;
  datadir: string;
  cnf: string;
  socket: string;
  pidFile: string;
  errLog: string;
  port: number;
  gcommPort: number;
  istPort: number;
  sstPort: number;
}

function galeraLayout(baseDir: string, basePort: number, i: number): GaleraLayout {
  const dir = path.join(baseDir, 'galera', `node${i}`);
  const port = basePort + 10 * i;
  return {
    dir,
    datadir: path.join(dir, 'data'),
    cnf: path.join(dir, 'my.cnf'),
    socket: path.join(dir, 'mysqld.sock'),
    pidFile: path.join(dir, 'server.pid'),
    errLog: path.join(dir, 'error.log'),
    port,
    gcommPort: port + 1,
    istPort: port + 2,
    sstPort: port + 3,
  };
}

function galeraCnf(l: GaleraLayout, i: number, all: GaleraLayout[], syncWait: number): string {
  const members = all.map((n) => `127.0.0.1:${n.gcommPort}`).join(',');
  return `# written by scripts/cluster/local-cluster.ts — node ${i}
[mariadbd]
datadir=${l.datadir}
port=${l.port}
bind-address=127.0.0.1
socket=${l.socket}
pid-file=${path.join(l.dir, 'mariadbd.pid')}
log-error=${l.errLog}
tmpdir=${l.dir}
skip-name-resolve
performance_schema=OFF
innodb_buffer_pool_size=64M
innodb_log_file_size=48M
max_connections=300
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_flush_log_at_trx_commit=2
wsrep_on=ON
wsrep_provider=${GALERA_PROVIDER}
wsrep_cluster_name=servertree-local
wsrep_cluster_address=gcomm://${members}
wsrep_node_name=node${i}
wsrep_node_address=127.0.0.1:${l.gcommPort}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${l.gcommPort};ist.recv_addr=127.0.0.1:${l.istPort};gcache.size=128M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${l.sstPort}
wsrep_sync_wait=${syncWait}
`;
}

function mariadbClient(l: GaleraLayout, statement: string, database?: string) {
  const args = [
    '--no-defaults',
    '-h',
    '127.0.0.1',
    '-P',
    String(l.port),
    '-u',
    'root',
    '-N',
    '-B',
    '-e',
    statement,
  ];
  if (database) args.push(database);
  return run(MARIADB_CLIENT, args, { timeoutMs: 30_000 });
}

async function wsrepStatus(l: GaleraLayout): Promise<{ size: number; state: string } | undefined> {
  const r = await mariadbClient(
    l,
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_ready')",
  );
  if (r.code !== 0) return undefined;
  const m = new Map(
    r.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  );
  return {
    size: Number(m.get('wsrep_cluster_size') ?? 0),
    state: m.get('wsrep_local_state_comment') ?? '?',
  };
}

/** Position recovered from InnoDB after a crash: "uuid:seqno", or undefined. */
async function galeraRecover(
  l: GaleraLayout,
  env: NodeJS.ProcessEnv,
  owner?: { uid: number; gid: number },
) {
  const logFile = path.join(l.dir, 'recover.log');
  fs.rmSync(logFile, { force: true });
  await run(MARIADBD, [`--defaults-file=${l.cnf}`, '--wsrep-recover', `--log-error=${logFile}`], {
    env,
    uid: owner?.uid,
    gid: owner?.gid,
    timeoutMs: 120_000,
  });
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  const m = /WSREP: Recovered position:\s*([0-9a-f-]{36}:-?\d+)/.exec(text);
  return m?.[1];
}

export async function startGalera(opts: GaleraOptions = {}): Promise<GaleraCluster> {
  const baseDir = path.resolve(opts.baseDir ?? DEFAULT_BASE_DIR);
  const n = opts.nodes ?? 3;
  const basePort = opts.basePort ?? DEFAULT_GALERA_BASE_PORT;
  const log = opts.log ?? defaultLog;
  if (!fs.existsSync(GALERA_PROVIDER))
    throw new Error(`Galera provider ${GALERA_PROVIDER} is not installed`);
  const layouts = Array.from({ length: n }, (_, k) => galeraLayout(baseDir, basePort, k + 1));
  if (fs.existsSync(path.join(baseDir, 'galera'))) {
    throw new Error(
      `${path.join(baseDir, 'galera')} exists: a Galera cluster may be up; run "down" first`,
    );
  }
  await assertPortsFree(
    layouts.flatMap((l) => [l.port, l.gcommPort, l.istPort, l.sstPort]),
    'Galera',
  );
  const owner = process.getuid?.() === 0 ? systemUser('mysql') : undefined;
  if (process.getuid?.() === 0 && !owner)
    throw new Error('running as root but there is no "mysql" user to run mariadbd');
  const env: NodeJS.ProcessEnv = {
    PATH: PATH_ENV,
    [MARKER]: baseDir,
    HOME: path.join(baseDir, 'galera'),
    LANG: 'C',
  };

  mkdirp(baseDir);
  mkdirp(path.join(baseDir, 'galera'), owner);
  for (let i = 1; i <= n; i++) {
    const l = layouts[i - 1];
    mkdirp(l.dir, owner);
    mkdirp(l.datadir, owner);
    fs.writeFileSync(l.cnf, galeraCnf(l, i, layouts, opts.syncWait ?? 0));
  }

  const t0 = Date.now();
  // Only node 1 is initialised; the others receive its data by state transfer (rsync SST).
  const init = await run(
    MARIADB_INSTALL_DB,
    [
      '--no-defaults',
      `--datadir=${layouts[0].datadir}`,
      '--user=mysql',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { env, timeoutMs: 120_000 },
  );
  if (init.code !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`);
  if (owner) await run('/bin/chown', ['-R', `${owner.uid}:${owner.gid}`, layouts[0].datadir]);
  log(`galera: node1 datadir initialised (${secs(t0)})`);

  const children = new Map<number, ChildProcess>();
  const spawnNode = (i: number, extra: string[]): number => {
    const l = layouts[i - 1];
    const out = fs.openSync(path.join(l.dir, 'stdout.log'), 'a');
    const child = spawn(MARIADBD, [`--defaults-file=${l.cnf}`, ...extra], {
      env,
      uid: owner?.uid,
      gid: owner?.gid,
      detached: true,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    child.on('error', (e) => log(`galera: node${i} spawn error ${e.message}`));
    child.unref();
    children.set(i, child);
    writePid(l.pidFile, child.pid!);
    return child.pid!;
  };

  const waitNode = async (i: number, size: number, timeoutMs = 120_000) => {
    const l = layouts[i - 1];
    const pid = readPid(l.pidFile);
    await until(`galera node${i} Synced with cluster size ${size}`, timeoutMs, async () => {
      if (!pidAlive(pid)) throw new Error(`mariadbd node${i} exited; see ${l.errLog}`);
      const s = await wsrepStatus(l);
      return s && s.state === 'Synced' && s.size >= size ? s : undefined;
    });
  };

  // node 1 bootstraps the cluster
  spawnNode(1, ['--wsrep-new-cluster']);
  await waitNode(1, 1);
  // root without password from anywhere (the tests connect over TCP to 127.0.0.1)
  const grant = await mariadbClient(
    layouts[0],
    "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; " +
      "CREATE USER IF NOT EXISTS 'root'@'%'; GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;",
  );
  if (grant.code !== 0) throw new Error(`granting root failed: ${grant.stderr}`);
  log(`galera: node1 bootstrapped on 127.0.0.1:${layouts[0].port} (${secs(t0)})`);
  // joiners one by one: a donor serves one rsync SST at a time
  for (let i = 2; i <= n; i++) {
    spawnNode(i, []);
    await waitNode(i, i);
    log(`galera: node${i} joined and Synced on 127.0.0.1:${layouts[i - 1].port} (${secs(t0)})`);
  }

  const cluster: GaleraCluster = {
    nodes: layouts.map((l, k) => {
      const i = k + 1;
      const node: GaleraNode = {
        index: i,
        name: `galera${i}`,
        port: l.port,
        socket: l.socket,
        url: `mysql://root@127.0.0.1:${l.port}/`,
        get pid() {
          return readPid(l.pidFile);
        },
        isAlive: () => pidAlive(readPid(l.pidFile)),
        async kill(signal: NodeJS.Signals = 'SIGKILL') {
          const pid = readPid(l.pidFile);
          if (!signalOurs(pid, baseDir, signal)) return;
          await waitGone(pid, signal === 'SIGKILL' ? 10_000 : 60_000);
          log(`galera: node${i} (pid ${pid}) ${signal}ed`);
        },
        async restart() {
          const t = Date.now();
          if (node.isAlive()) await node.kill('SIGTERM');
          const pos = await galeraRecover(l, env, owner);
          // even if the provider is bootstrapped elsewhere, a restarted node always joins
          spawnNode(i, pos ? [`--wsrep_start_position=${pos}`] : []);
          await waitNode(i, n);
          log(
            `galera: node${i} restarted (recovered ${pos ?? 'no position'}) and Synced in ${secs(t)}`,
          );
        },
        async sql(statement: string, database?: string) {
          const r = await mariadbClient(l, statement, database);
          if (r.code !== 0) throw new Error(`node${i}: ${r.stderr.trim()}`);
          const out = r.stdout.replace(/\n$/, '');
          return out ? out.split('\n').map((line) => line.split('\t')) : [];
        },
      };
      return node;
    }),
    async status() {
      const res: { node: number; size: number; state: string }[] = [];
      for (let k = 0; k < n; k++) {
        const s = pidAlive(readPid(layouts[k].pidFile)) ? await wsrepStatus(layouts[k]) : undefined;
        res.push({ node: k + 1, size: s?.size ?? 0, state: s?.state ?? 'down' });
      }
      return res;
    },
    async waitSynced(timeoutMs = 120_000) {
      await until('all Galera nodes Synced', timeoutMs, async () => {
        const st = await cluster.status();
        return st.every((s) => s.state === 'Synced' && s.size === n) ? true : undefined;
      });
    },
    async stop() {
      await stopGalera(baseDir, n);
      log('galera: stopped');
    },
  };
  return cluster;
}

async function stopGalera(baseDir: string, n = 9): Promise<void> {
  const dir = path.join(baseDir, 'galera');
  if (!fs.existsSync(dir)) return;
  const pids: number[] = [];
  for (let i = 1; i <= n; i++) pids.push(readPid(path.join(dir, `node${i}`, 'server.pid')));
  // last joiner first, so the others never lose quorum while stopping
  for (const pid of pids.reverse()) if (pid) await stopPid(pid, baseDir, 30_000);
}

// ---------------------------------------------------------------- RabbitMQ

function rabbitSbin(): string {
  const root = '/usr/lib/rabbitmq/lib';
  const dirs = fs.existsSync(root)
    ? fs.readdirSync(root).filter((d) => d.startsWith('rabbitmq_server-'))
    : [];
  if (!dirs.length)
    throw new Error(`RabbitMQ server not found under ${root} (Debian package rabbitmq-server)`);
  dirs.sort();
  return path.join(root, dirs[dirs.length - 1], 'sbin');
}

interface RabbitLayout {
  dir: string;
  nodename: string;
  port: number;
  distPort: number;
  pidFile: string; // beam.smp
  wrapperPidFile: string; // the rabbitmq-server shell
}

function rabbitLayout(baseDir: string, basePort: number, i: number): RabbitLayout {
  const dir = path.join(baseDir, 'rabbit', `node${i}`);
  const port = basePort + 10 * i;
  return {
    dir,
    nodename: `st${i}@localhost`,
    port,
    distPort: port + 1,
    pidFile: path.join(dir, 'beam.pid'),
    wrapperPidFile: path.join(dir, 'wrapper.pid'),
  };
}

function rabbitEnv(
  baseDir: string,
  basePort: number,
  epmdPort: number,
  l?: RabbitLayout,
): NodeJS.ProcessEnv {
  const rdir = path.join(baseDir, 'rabbit');
  const env: NodeJS.ProcessEnv = {
    PATH: PATH_ENV,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    [MARKER]: baseDir,
    HOME: path.join(rdir, 'home'), // holds the private .erlang.cookie, shared by nodes and CLI
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_CONF_ENV_FILE: path.join(rdir, 'rabbitmq-env.conf'), // empty
    RABBITMQ_CONFIG_FILE: path.join(rdir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(rdir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(rdir, 'enabled_plugins'),
    RABBITMQ_CTL_DIST_PORT_MIN: String(basePort + 1),
    RABBITMQ_CTL_DIST_PORT_MAX: String(basePort + 9),
    RABBITMQ_USE_LONGNAME: 'false',
  };
  if (l) {
    Object.assign(env, {
      RABBITMQ_NODENAME: l.nodename,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(l.port),
      RABBITMQ_DIST_PORT: String(l.distPort),
      RABBITMQ_MNESIA_BASE: path.join(l.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(l.dir, 'log'),
      RABBITMQ_PLUGINS_EXPAND_DIR: path.join(l.dir, 'plugins-expand'),
      RABBITMQ_PID_FILE: path.join(l.dir, 'rabbit.pid'),
    });
  }
  return env;
}

export async function startRabbitCluster(opts: RabbitOptions = {}): Promise<RabbitCluster> {
  const baseDir = path.resolve(opts.baseDir ?? DEFAULT_BASE_DIR);
  const n = opts.nodes ?? 3;
  const basePort = opts.basePort ?? DEFAULT_RABBIT_BASE_PORT;
  const epmdPort = opts.epmdPort ?? DEFAULT_EPMD_PORT;
  const log = opts.log ?? defaultLog;
  const sbin = rabbitSbin();
  const rdir = path.join(baseDir, 'rabbit');
  if (fs.existsSync(rdir))
    throw new Error(`${rdir} exists: a RabbitMQ cluster may be up; run "down" first`);
  const layouts = Array.from({ length: n }, (_, k) => rabbitLayout(baseDir, basePort, k + 1));
  await assertPortsFree(
    [
      epmdPort,
      ...Array.from({ length: 9 }, (_, k) => basePort + 1 + k),
      ...layouts.flatMap((l) => [l.port, l.distPort]),
    ],
    'RabbitMQ',
  );

  mkdirp(baseDir);
  mkdirp(path.join(rdir, 'home'));
  fs.writeFileSync(
    path.join(rdir, 'home', '.erlang.cookie'),
    `SERVERTREE${Date.now()}${process.pid}`,
    { mode: 0o400 },
  );
  fs.writeFileSync(path.join(rdir, 'rabbitmq-env.conf'), '');
  fs.writeFileSync(path.join(rdir, 'enabled_plugins'), '[].\n');
  fs.writeFileSync(
    path.join(rdir, 'rabbitmq.conf'),
    [
      '# written by scripts/cluster/local-cluster.ts',
      'log.console = false',
      'log.file.level = info',
      'vm_memory_high_watermark.relative = 0.2',
      'disk_free_limit.absolute = 50MB',
      // a killed node must not pause the others: 3 nodes, no partition handling games
      'cluster_partition_handling = ignore',
      '',
    ].join('\n'),
  );
  for (const l of layouts) mkdirp(l.dir);
  const t0 = Date.now();

  // private epmd, so that we can stop it and never touch the machine's (4369)
  {
    const out = fs.openSync(path.join(rdir, 'epmd.log'), 'a');
    const epmd = spawn(EPMD, ['-port', String(epmdPort)], {
      env: rabbitEnv(baseDir, basePort, epmdPort),
      detached: true,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    epmd.unref();
    writePid(path.join(rdir, 'epmd.pid'), epmd.pid!);
    await until(
      `epmd on ${epmdPort}`,
      10_000,
      async () => ((await portInUse(epmdPort)) ? true : undefined),
      100,
    );
  }

  const ctl = async (l: RabbitLayout, ...args: string[]) => {
    const r = await run(path.join(sbin, 'rabbitmqctl'), ['-n', l.nodename, ...args], {
      env: rabbitEnv(baseDir, basePort, epmdPort),
      timeoutMs: 120_000,
    });
    if (r.code !== 0)
      throw new Error(
        `rabbitmqctl -n ${l.nodename} ${args.join(' ')}: ${(r.stderr || r.stdout).trim()}`,
      );
    return r.stdout;
  };

  const spawnNode = (i: number) => {
    const l = layouts[i - 1];
    const out = fs.openSync(path.join(l.dir, 'stdout.log'), 'a');
    const child = spawn(path.join(sbin, 'rabbitmq-server'), [], {
      env: rabbitEnv(baseDir, basePort, epmdPort, l),
      detached: true,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    child.unref();
    writePid(l.wrapperPidFile, child.pid!);
    fs.rmSync(l.pidFile, { force: true });
  };

  /** the wrapper shell runs `erl` in a subshell that execs into beam.smp */
  const findBeam = async (i: number) => {
    const l = layouts[i - 1];
    const wrapper = readPid(l.wrapperPidFile);
    const pid = await until(
      `beam.smp of rabbit node${i}`,
      30_000,
      async () => {
        if (!pidAlive(wrapper))
          throw new Error(`rabbitmq-server node${i} exited; see ${l.dir}/log`);
        const beam = childPids(wrapper).find((c) => comm(c).startsWith('beam'));
        return beam;
      },
      100,
    );
    writePid(l.pidFile, pid);
    return pid;
  };

  const awaitStartup = async (i: number) => {
    const l = layouts[i - 1];
    await findBeam(i);
    // A node boots in ~8 s on a quiet machine, but took up to 210 s on this 2-core machine
    // under other sessions' load (docs/benchmarks.md): bounded, yet not tight.
    await until(
      `rabbit node${i} running`,
      240_000,
      async () => {
        if (!pidAlive(readPid(l.pidFile)))
          throw new Error(`rabbit node${i} died; see ${l.dir}/log`);
        await ctl(l, 'await_startup', '--timeout', '10');
        return true;
      },
      250,
    );
  };

  const runningNodes = async (via: RabbitLayout): Promise<string[]> => {
    const out = await ctl(via, 'cluster_status', '--formatter', 'json');
    const j = JSON.parse(out.slice(out.indexOf('{'))) as { running_nodes?: string[] };
    return j.running_nodes ?? [];
  };

  // boot all nodes in parallel, then join 2..n to node 1
  for (let i = 1; i <= n; i++) spawnNode(i);
  await Promise.all(layouts.map((_, k) => awaitStartup(k + 1)));
  log(`rabbit: ${n} nodes booted (${secs(t0)})`);
  for (let i = 2; i <= n; i++) {
    const l = layouts[i - 1];
    await ctl(l, 'stop_app');
    await ctl(l, 'join_cluster', layouts[0].nodename);
    await ctl(l, 'start_app');
    log(`rabbit: ${l.nodename} joined ${layouts[0].nodename} (${secs(t0)})`);
  }

  const cluster: RabbitCluster = {
    urls: layouts.map((l) => `amqp://guest:guest@127.0.0.1:${l.port}`).join(','),
    nodes: layouts.map((l, k) => {
      const i = k + 1;
      const node: RabbitNode = {
        index: i,
        name: `rabbit${i}`,
        nodename: l.nodename,
        port: l.port,
        url: `amqp://guest:guest@127.0.0.1:${l.port}`,
        get pid() {
          return readPid(l.pidFile);
        },
        isAlive: () => pidAlive(readPid(l.pidFile)),
        ctl: (...args: string[]) => ctl(l, ...args),
        async kill(signal: NodeJS.Signals = 'SIGKILL') {
          const pid = readPid(l.pidFile);
          if (!signalOurs(pid, baseDir, signal)) return;
          await waitGone(pid, signal === 'SIGKILL' ? 10_000 : 60_000);
          await waitGone(readPid(l.wrapperPidFile), 5_000);
          log(`rabbit: node${i} (beam pid ${pid}) ${signal}ed`);
        },
        async restart() {
          const t = Date.now();
          if (node.isAlive()) await node.kill('SIGTERM');
          spawnNode(i);
          await awaitStartup(i);
          await cluster.waitClustered();
          log(`rabbit: node${i} restarted and running in the cluster in ${secs(t)}`);
        },
      };
      return node;
    }),
    async queueLeader(queue: string) {
      for (const l of layouts) {
        if (!pidAlive(readPid(l.pidFile))) continue;
        try {
          const out = await ctl(
            l,
            'list_queues',
            '--quiet',
            '--no-table-headers',
            'name',
            'leader',
          );
          for (const line of out.split('\n')) {
            const [name, leader] = line.trim().split(/\s+/);
            if (name === queue) {
              const idx = layouts.findIndex((x) => x.nodename === leader);
              return idx >= 0 ? idx + 1 : undefined;
            }
          }
          return undefined;
        } catch {
          // try the next node
        }
      }
      return undefined;
    },
    async waitClustered(timeoutMs = 120_000) {
      await until(`all ${n} rabbit nodes running in one cluster`, timeoutMs, async () => {
        const via = layouts.find((l) => pidAlive(readPid(l.pidFile)));
        if (!via) return undefined;
        return (await runningNodes(via)).length === n ? true : undefined;
      });
    },
    async stop() {
      await stopRabbit(baseDir, n);
      log('rabbit: stopped');
    },
  };
  await cluster.waitClustered();
  log(
    `rabbit: cluster of ${n} running, AMQP ${layouts.map((l) => l.port).join(', ')} (${secs(t0)})`,
  );
  return cluster;
}

async function stopRabbit(baseDir: string, n = 9): Promise<void> {
  const rdir = path.join(baseDir, 'rabbit');
  if (!fs.existsSync(rdir)) return;
  const pids: number[] = [];
  for (let i = n; i >= 1; i--) {
    const beam = readPid(path.join(rdir, `node${i}`, 'beam.pid'));
    const wrapper = readPid(path.join(rdir, `node${i}`, 'wrapper.pid'));
    pids.push(beam, wrapper);
  }
  // SIGTERM to beam.smp is a clean shutdown in RabbitMQ >= 3.8
  await Promise.all(pids.filter(Boolean).map((p) => stopPid(p, baseDir, 30_000)));
  const epmd = readPid(path.join(rdir, 'epmd.pid'));
  if (epmd) await stopPid(epmd, baseDir, 5_000);
}

// ---------------------------------------------------------------- whole machine

/**
 * What this machine lacks to run both clusters, one line each (empty when nothing): checked
 * before anything starts, so that a machine without them fails with one clear message rather
 * than half-way through a start.
 */
export function missingPrerequisites(): string[] {
  const files: [string, string][] = [
    [GALERA_PROVIDER, 'the Galera provider (Debian package galera-4)'],
    [MARIADBD, 'mariadbd (mariadb-server)'],
    [MARIADB_INSTALL_DB, 'mariadb-install-db (mariadb-server)'],
    [MARIADB_CLIENT, 'the mariadb client (mariadb-client)'],
    [RSYNC, "rsync (Galera's state transfer)"],
    [EPMD, 'epmd (erlang-base)'],
  ];
  const missing = files
    .filter(([file]) => !fs.existsSync(file))
    .map(([file, what]) => `${what}: ${file} not found`);
  try {
    rabbitSbin();
  } catch (error) {
    missing.push((error as Error).message);
  }
  if (process.getuid?.() === 0 && !systemUser('mysql'))
    missing.push('running as root but there is no "mysql" user to run mariadbd');
  return missing;
}

/**
 * The environment entry that makes a process ours for baseDir: `down(baseDir)` stops every
 * live process carrying it, so a process given it cannot outlive a teardown of baseDir.
 */
export function ownedBy(baseDir: string): Record<string, string> {
  return { [MARKER]: path.resolve(baseDir) };
}

/** Stops every process this harness started under baseDir (verified by pid file + marker) and removes baseDir. */
export async function down(baseDir = DEFAULT_BASE_DIR, log: Log = defaultLog): Promise<void> {
  baseDir = path.resolve(baseDir);
  await Promise.all([stopGalera(baseDir), stopRabbit(baseDir)]);
  // anything else still carrying our marker (e.g. an SST helper) — ours by construction
  for (const pid of ourPids(baseDir)) await stopPid(pid, baseDir, 5_000);
  if (fs.existsSync(baseDir)) fs.rmSync(baseDir, { recursive: true, force: true });
  log(`down: stopped and removed ${baseDir}`);
}

/** Every live process whose environment carries our marker for baseDir. */
export function ourPids(baseDir = DEFAULT_BASE_DIR): number[] {
  baseDir = path.resolve(baseDir);
  const pids: number[] = [];
  for (const e of fs.readdirSync('/proc')) {
    const pid = Number(e);
    if (pid && pid !== process.pid && pidAlive(pid) && pidIsOurs(pid, baseDir)) pids.push(pid);
  }
  return pids;
}

export async function status(
  baseDir = DEFAULT_BASE_DIR,
  galeraBasePort = DEFAULT_GALERA_BASE_PORT,
): Promise<string[]> {
  baseDir = path.resolve(baseDir);
  if (!fs.existsSync(baseDir)) return [`nothing under ${baseDir}`];
  const lines: string[] = [];
  for (let i = 1; i <= 9; i++) {
    const l = galeraLayout(baseDir, galeraBasePort, i);
    if (!fs.existsSync(l.dir)) break;
    const pid = readPid(l.pidFile);
    const s = pidAlive(pid) ? await wsrepStatus(l) : undefined;
    lines.push(
      `galera node${i} port ${l.port} pid ${pid || '-'} ${pidAlive(pid) ? `up ${s ? `${s.state} size=${s.size}` : 'not answering'} rss=${Math.round(rssKiB(pid) / 1024)}MiB` : 'down'}`,
    );
  }
  const rdir = path.join(baseDir, 'rabbit');
  for (let i = 1; i <= 9; i++) {
    const dir = path.join(rdir, `node${i}`);
    if (!fs.existsSync(dir)) break;
    const pid = readPid(path.join(dir, 'beam.pid'));
    let port = '?';
    try {
      port =
        /RABBITMQ_NODE_PORT=(\d+)/.exec(
          fs.readFileSync(`/proc/${pid}/environ`, 'utf8').replace(/\0/g, '\n'),
        )?.[1] ?? '?';
    } catch {
      // down
    }
    lines.push(
      `rabbit node${i} st${i}@localhost port ${port} pid ${pid || '-'} ${pidAlive(pid) ? `up rss=${Math.round(rssKiB(pid) / 1024)}MiB` : 'down'}`,
    );
  }
  const epmd = readPid(path.join(rdir, 'epmd.pid'));
  if (epmd) lines.push(`epmd pid ${epmd} ${pidAlive(epmd) ? 'up' : 'down'}`);
  const all = ourPids(baseDir);
  lines.push(
    `processes: ${all.length}, total rss ${Math.round(all.reduce((a, p) => a + rssKiB(p), 0) / 1024)} MiB`,
  );
  return lines;
}

// ---------------------------------------------------------------- CLI

async function main(argv: string[]): Promise<number> {
  const cmd = argv[0];
  const opt = (name: string, def: string) => {
    const k = argv.indexOf(`--${name}`);
    return k >= 0 && argv[k + 1] ? argv[k + 1] : def;
  };
  const baseDir = path.resolve(opt('dir', process.env.CLUSTER_DIR ?? DEFAULT_BASE_DIR));
  const galeraPort = Number(opt('galera-port', String(DEFAULT_GALERA_BASE_PORT)));
  const rabbitPort = Number(opt('rabbit-port', String(DEFAULT_RABBIT_BASE_PORT)));
  const epmdPort = Number(opt('epmd-port', String(DEFAULT_EPMD_PORT)));
  const nodes = Number(opt('nodes', '3'));
  const only = opt('only', 'both'); // galera | rabbit | both
  const syncWait = Number(opt('sync-wait', '0'));
  switch (cmd) {
    case 'up': {
      const t0 = Date.now();
      try {
        const jobs: Promise<unknown>[] = [];
        if (only !== 'rabbit')
          jobs.push(startGalera({ baseDir, nodes, basePort: galeraPort, syncWait }));
        if (only !== 'galera')
          jobs.push(startRabbitCluster({ baseDir, nodes, basePort: rabbitPort, epmdPort }));
        const results = await Promise.allSettled(jobs);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      } catch (e) {
        console.error(`up failed: ${(e as Error).message}`);
        if (!/already in use|exists: a/.test((e as Error).message)) {
          console.error('tearing down what was started');
          await down(baseDir);
        }
        return 1;
      }
      defaultLog(`up: done in ${secs(t0)}`);
      for (const line of await status(baseDir, galeraPort)) defaultLog(line);
      return 0;
    }
    case 'down':
      await down(baseDir);
      return 0;
    case 'status':
      for (const line of await status(baseDir, galeraPort)) console.log(line);
      return 0;
    default:
      console.error(
        'usage: local-cluster.ts up|down|status [--dir /tmp/servertree-cluster] [--only galera|rabbit] ' +
          '[--nodes 3] [--galera-port 13300] [--rabbit-port 15600] [--epmd-port 4370] [--sync-wait 0]',
      );
      return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
