/**
 * npm run bench:tracing: what tracing costs. The built service (MariaDB + RabbitMQ) is started
 * twice - without OTEL_EXPORTER_OTLP_ENDPOINT, and with it pointing at a local OTLP sink that
 * accepts and discards - and GET one application is loaded with autocannon, in alternating
 * rounds so that drift on a shared machine hits both alike.
 *
 * Options (env): BENCH_DURATION seconds per round (10), BENCH_ROUNDS per setting (3),
 * BENCH_CONNECTIONS (50).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { sign } from 'jsonwebtoken';
import { createTestDatabase, TestDatabase } from '../../test/support/mariadb';
import { TestBroker } from '../../test/support/rabbitmq';
import { progress } from './progress';
import { SERVICE_CONSUMERS, ServiceProcess, startService } from './service-process';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECRET = randomBytes(32).toString('hex');
const TOKEN = sign({ sub: 'bench', roles: ['admin'] }, SECRET, { expiresIn: '1h' });
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

async function main(): Promise<void> {
  const sink = createServer((request, response) => {
    request.resume().on('end', () => response.writeHead(200).end('{}'));
  }).listen(0, '127.0.0.1');
  await once(sink, 'listening');
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const broker = await TestBroker.create('bench_tracing');
  broker.adoptConsumerQueues(SERVICE_CONSUMERS);
  const databases: TestDatabase[] = [];
  const settings: { name: string; port: number; env: Record<string, string> }[] = [
    { name: 'tracing off', port: 3101, env: {} },
    { name: 'tracing on (OTLP)', port: 3102, env: { OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl } },
  ];
  const services: ServiceProcess[] = [];
  try {
    const targets: { name: string; url: string }[] = [];
    for (const setting of settings) {
      const database = await createTestDatabase('bench_tracing');
      databases.push(database);
      const service = await startService(setting.port, {
        ...broker.env(),
        DATABASE_URL: database.url,
        AUTH_JWT_SECRET: SECRET,
        ...setting.env,
      });
      services.push(service);
      const created = await fetch(`${service.url}/api/v1/applications`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'nginx', version: '1.27', architecture: 'x86_64' }),
      });
      const { id } = (await created.json()) as { id: string };
      targets.push({ name: setting.name, url: `${service.url}/api/v1/applications/${id}` });
    }
    const results = new Map<string, number[]>(targets.map((target) => [target.name, []]));
    const total = ROUNDS * targets.length;
    let done = 0;
    progress('GET one application', done, total);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of targets) {
        const result = await autocannon({
          url: target.url,
          connections: CONNECTIONS,
          duration: DURATION,
          headers,
        });
        if (result.non2xx > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx answers`);
        results.get(target.name)!.push(result.requests.average);
        progress('GET one application', (done += 1), total);
      }
    }
    console.log(`\n| setting | requests/s per round | median |\n|---|---|---|`);
    for (const [name, rounds] of results) {
      const sorted = [...rounds].sort((a, b) => a - b);
      console.log(
        `| ${name} | ${rounds.map((r) => r.toFixed(0)).join(', ')} | ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} |`,
      );
    }
  } finally {
    for (const service of services) await service.stop();
    for (const database of databases) await database.drop();
    await broker.cleanUp();
    sink.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
