/**
 * npm run demo:broker-cut: the picture in the README. The built service (MariaDB + RabbitMQ
 * through a TCP proxy) takes a steady stream of writes for 90 s while a local Prometheus (its
 * own config and data directory, 127.0.0.1 only) scrapes it every second; the broker is cut
 * from 30 s to 60 s. Then headless Chromium photographs Prometheus's graph page (outbox pending
 * and request rate) into docs/prometheus-broker-cut.png. Needs `prometheus` and `chromium`.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sign } from 'jsonwebtoken';
import { createTestDatabase } from '../../test/support/mariadb';
import { TEST_RABBITMQ_URL, TestBroker } from '../../test/support/rabbitmq';
import { TcpProxy } from '../../test/support/tcp-proxy';
import { SERVICE_CONSUMERS, startService } from '../bench/service-process';

const SERVICE_PORT = 3201;
const PROMETHEUS_PORT = 9391;
const ROOT = join(__dirname, '../..');
const SECRET = randomBytes(32).toString('hex');

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'servertree-prometheus-'));
  writeFileSync(
    join(workDir, 'prometheus.yml'),
    `global: { scrape_interval: 1s }\nscrape_configs:\n  - job_name: servertree\n    static_configs: [{ targets: ['127.0.0.1:${SERVICE_PORT}'] }]\n`,
  );
  const database = await createTestDatabase('demo_broker_cut');
  const broker = await TestBroker.create('demo_broker_cut');
  broker.adoptConsumerQueues(SERVICE_CONSUMERS);
  const proxy = await TcpProxy.start(TEST_RABBITMQ_URL);
  let prometheus: ChildProcess | undefined;
  const service = await startService(SERVICE_PORT, {
    ...broker.env(proxy.urlFor(TEST_RABBITMQ_URL)),
    DATABASE_URL: database.url,
    AUTH_JWT_SECRET: SECRET,
  });
  try {
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${join(workDir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(workDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${PROMETHEUS_PORT}`,
      ],
      { stdio: 'ignore' },
    );
    const token = sign({ sub: 'demo', roles: ['editor'] }, SECRET, { expiresIn: '1h' });
    let n = 0;
    const load = autocannon({
      url: `${service.url}/api/v1/applications`,
      connections: 4,
      overallRate: 40,
      duration: 90,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ name: `app-${(n += 1)}`, version: '1', architecture: 'x86_64' }),
          }),
        },
      ],
    });
    const at = (seconds: number, label: string, action: () => Promise<void>) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          console.log(`${seconds} s: ${label}`);
          void action().then(resolve);
        }, seconds * 1000),
      );
    await Promise.all([
      at(30, 'broker cut', () => proxy.cut()),
      at(60, 'broker back', () => proxy.restore()),
      load.then((result) => console.log(`90 s: ${result.requests.total} writes sent`)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const graph =
      `http://127.0.0.1:${PROMETHEUS_PORT}/graph?` +
      [
        ['servertree_outbox_pending_events', 0],
        ['sum(rate(http_request_duration_seconds_count{route="/api/v1/applications"}[5s]))', 1],
      ]
        .map(
          ([expr, i]) =>
            `g${i}.expr=${encodeURIComponent(String(expr))}&g${i}.tab=0&g${i}.range_input=150s`,
        )
        .join('&');
    execFileSync('chromium', [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--virtual-time-budget=8000',
      // Taller than the page, so that nothing scrolls the graphs out of view.
      '--window-size=1400,2200',
      `--screenshot=${join(ROOT, 'docs/prometheus-broker-cut.png')}`,
      graph,
    ]);
    console.log('docs/prometheus-broker-cut.png written');
  } finally {
    prometheus?.kill('SIGTERM');
    await service.stop();
    await proxy.restore();
    await broker.cleanUp();
    await proxy.cut();
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
