import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { SERVICE_CONSUMERS } from '../../scripts/bench/service-process';
import { ENTRY_POINT_ARGS, ROOT } from '../support/entry-point';
import { eventually } from '../support/eventually';
import { createTestDatabase, TestDatabase } from '../support/mariadb';
import { TestBroker, TestQueue } from '../support/rabbitmq';
import { TEST_JWT_SECRET } from '../support/test-app';

interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
}

/** An OTLP/HTTP (JSON) trace receiver: what a collector would get from the service. */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    const server = createServer();
    const receiver = new OtlpReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        for (const resource of body.resourceSpans ?? []) {
          for (const scope of resource.scopeSpans ?? []) receiver.spans.push(...scope.spans);
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Tracing on, in a process of its own started by the real entry point (instrumentations patch
 * modules as Node loads them, which jest's module loader bypasses), exporting to a receiver
 * this test runs: one POST is one trace, from the HTTP span to the AMQP publish after commit.
 */
describe('OpenTelemetry tracing (MariaDB + RabbitMQ, OTLP)', () => {
  let receiver: OtlpReceiver;
  let database: TestDatabase;
  let broker: TestBroker;
  let queue: TestQueue;
  let service: ChildProcess;
  let url: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'servertree-tracing-'));

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    database = await createTestDatabase('tracing');
    broker = await TestBroker.create('tracing');
    broker.adoptConsumerQueues(SERVICE_CONSUMERS);
    queue = await broker.listen('#');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    service = spawn(process.execPath, ENTRY_POINT_ARGS, {
      cwd: ROOT,
      env: {
        ...process.env,
        ...broker.env(),
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.url,
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await eventually(
      async () => expect((await fetch(`${url}/health/live`)).ok).toBe(true),
      90_000,
      250,
    );
  }, 120_000);

  afterAll(async () => {
    if (service && service.exitCode === null) {
      service.kill('SIGTERM');
      await once(service, 'exit');
    }
    await broker?.cleanUp();
    await database?.drop();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('one POST yields one trace holding the HTTP span, the command, the SQL and the AMQP publish; the event carries its trace id in the header and the body', async () => {
    const token = sign({ sub: 'tracer', roles: ['editor'] }, TEST_JWT_SECRET, { expiresIn: 600 });
    const response = await fetch(`${url}/api/v1/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'traced', version: '1.0', architecture: 'x86_64' }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };

    const [message] = (
      await queue.until((messages) => messages.some((m) => m.event.subject === id))
    ).filter((m) => m.event.subject === id);
    const traceId = message.event.traceparent!.split('-')[1];
    expect(message.properties.headers?.traceparent).toMatch(new RegExp(`^00-${traceId}-`));

    const spansOf = () => receiver.spans.filter((span) => span.traceId === traceId);
    await eventually(() => {
      const names = spansOf().map((span) => span.name);
      expect(names).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^POST/),
          'command RegisterApplicationCommand',
          expect.stringMatching(/INSERT|insert/),
          expect.stringMatching(/publish/),
        ]),
      );
    }, 15_000);
    // One root: the HTTP server span; every other span hangs below it.
    const spans = spansOf();
    const ids = new Set(spans.map((span) => span.spanId));
    expect(spans.filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId))).toHaveLength(
      1,
    );
  }, 60_000);
});
