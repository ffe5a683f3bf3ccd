import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { sign } from 'jsonwebtoken';
import { createConnection } from 'mysql2/promise';
import {
  SERVICE_CONSUMERS,
  ServiceProcess,
  startService,
} from '../../scripts/bench/service-process';
import { createTestDatabase, TestDatabase } from '../support/mariadb';
import { TestBroker, TestQueue } from '../support/rabbitmq';

const SECRET = 'graceful-shutdown-test-secret-0123456789abcdef';
const CREDENTIALS_KEY = randomBytes(32).toString('base64');
const WRITERS = 12;

interface Outcome {
  readonly status?: number;
  readonly id?: string;
  /** Set when the request got no answer at all. */
  readonly error?: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The service from source, in a process of its own, as production runs it. */
async function startFromSource(env: Record<string, string>): Promise<ServiceProcess> {
  return startService(
    await freePort(),
    { AUTH_JWT_SECRET: SECRET, CREDENTIALS_KEY, ...env },
    { fromSource: true },
  );
}

function post(port: number, agent: Agent, token: string, body: object): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: 'POST',
        path: '/api/v1/applications',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const parsed = text ? JSON.parse(text) : {};
          resolve({ status: res.statusCode, id: parsed.id });
        });
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ error: error.code ?? error.message }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    req.end(JSON.stringify(body));
  });
}

describe('Graceful shutdown of a real service process under write load (MariaDB, RabbitMQ)', () => {
  let database: TestDatabase;
  let broker: TestBroker;
  let events: TestQueue;
  let env: Record<string, string>;
  const token = sign({ sub: 'shutdown-test', roles: ['editor'] }, SECRET, { expiresIn: '1h' });

  beforeAll(async () => {
    database = await createTestDatabase('shutdown');
    broker = await TestBroker.create('shutdown');
    events = await broker.listen('server.application.registered');
    env = { DATABASE_URL: database.url, ...broker.env() };
    broker.adoptConsumerQueues(SERVICE_CONSUMERS);
  });

  afterAll(async () => {
    await broker?.cleanUp();
    await database?.drop();
  });

  it('finishes what it accepted, stores and delivers every 2xx write, and exits 0 within 10 s', async () => {
    const service = await startFromSource(env);
    const outcomes: Outcome[] = [];
    let refused = false;
    let counter = 0;
    // One connection per request: a refused connection is then the only way not to be served.
    const agent = new Agent({ keepAlive: false });
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      while (!refused) {
        const outcome = await post(service.port, agent, token, {
          name: `shutdown-${writer}-${counter++}`,
          version: '1',
          architecture: 'x86_64',
        });
        if (outcome.error === 'ECONNREFUSED' || outcome.status === 503) refused = true;
        if (outcome.error !== 'ECONNREFUSED') outcomes.push(outcome);
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const acceptedBeforeSignal = outcomes.length;
    const signalledAt = Date.now();
    service.signal('SIGTERM');
    // The signal is handled on the service's next turn; readiness must fail right after.
    let readiness: number | string = 200;
    for (let probe = 0; probe < 25 && readiness === 200; probe++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      readiness = await fetch(`http://127.0.0.1:${service.port}/health/ready`).then(
        (response) => response.status,
        () => 'refused',
      );
    }
    const exit = await service.exited;
    const stoppedAfterMs = Date.now() - signalledAt;
    refused = true;
    await Promise.all(writers);

    expect(acceptedBeforeSignal).toBeGreaterThan(0);
    expect([503, 'refused']).toContain(readiness);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stoppedAfterMs).toBeLessThan(10_000);
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    const created = outcomes
      .filter((outcome) => outcome.status === 201)
      .map((outcome) => outcome.id!);
    expect(outcomes.filter((outcome) => outcome.status !== 201 && outcome.status !== 503)).toEqual(
      [],
    );

    const connection = await createConnection(database.url);
    try {
      const [rows] = await connection.query('SELECT id FROM applications');
      const stored = new Set((rows as { id: string }[]).map((row) => row.id));
      expect(created.filter((id) => !stored.has(id))).toEqual([]);
      // A request that was answered 503 or cut off by the deadline may still have committed;
      // nothing else may be stored.
      expect(stored.size).toBeGreaterThanOrEqual(created.length);
      const [pending] = await connection.query(
        'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
      );
      const undelivered = Number((pending as { n: number }[])[0].n);
      if (undelivered > 0) {
        // What the broker did not confirm in time leaves after a restart.
        const again = await startFromSource(env);
        await events.until((messages) => subjectsOf(messages).size >= stored.size, 20_000);
        again.signal('SIGTERM');
        expect((await again.exited).code).toBe(0);
      }
    } finally {
      await connection.end();
    }
    const delivered = subjectsOf(events.messages);
    expect(created.filter((id) => !delivered.has(id))).toEqual([]);
  }, 120_000);
});

function subjectsOf(messages: readonly { event: { subject?: string } }[]): Set<string> {
  return new Set(messages.map((message) => message.event.subject!));
}
