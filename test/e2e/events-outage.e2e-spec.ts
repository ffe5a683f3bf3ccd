import { revisionsBySubject } from '../support/cloud-events';
import { eventually } from '../support/eventually';
import { createTestDatabase } from '../support/mariadb';
import { TEST_RABBITMQ_URL, TestBroker, TestQueue } from '../support/rabbitmq';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';

const BASE = '/api/v1/applications';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Outages are simulated with a TCP proxy between the service and the shared broker. */
describe('Event delivery across broker outages and restarts (MariaDB + RabbitMQ)', () => {
  let broker: TestBroker;
  let proxy: TcpProxy;
  let queue: TestQueue;

  beforeAll(async () => {
    broker = await TestBroker.create('events_outage');
    proxy = await TcpProxy.start(TEST_RABBITMQ_URL);
  });

  beforeEach(async () => {
    queue = await broker.listen('#');
  });

  afterAll(async () => {
    await proxy?.cut();
    await broker?.cleanUp();
  });

  async function register(t: TestApp, name: string): Promise<string> {
    const { body } = await t
      .http('editor')
      .post(BASE)
      .send({ name, version: '0', architecture: 'x86_64' })
      .expect(201);
    return body.id;
  }

  async function pendingRows(t: TestApp): Promise<number> {
    const [{ n }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
    );
    return Number(n);
  }

  it('takes writes while the broker is away and delivers every event, in order, once it is back', async () => {
    // No grace: readiness is to fail as soon as the broker is cut.
    const t = await startTestApp({
      env: { ...broker.env(proxy.urlFor(TEST_RABBITMQ_URL)), READINESS_BROKER_GRACE_SECONDS: '0' },
    });
    broker.adoptConsumerQueuesOf(t.app);
    try {
      const ids = [await register(t, 'web'), await register(t, 'db'), await register(t, 'cache')];
      await queue.atLeast(3);

      let version = 0;
      const writeRound = async (count: number) => {
        for (let i = 0; i < count; i += 1) {
          version += 1;
          await t
            .http('editor')
            .patch(`${BASE}/${ids[version % 3]}`)
            .send({ version: String(version) })
            .expect(200);
        }
      };
      await writeRound(9);
      await queue.atLeast(12);
      await eventually(async () => expect(await pendingRows(t)).toBe(0));

      await proxy.cut();
      await writeRound(12);
      await eventually(() => t.http('anonymous').get('/health/ready').expect(503));
      expect(await pendingRows(t)).toBe(12);
      expect(queue.messages).toHaveLength(12);

      await proxy.restore();
      await writeRound(9);
      const writes = version;

      await queue.until(
        (messages) => new Set(messages.map((m) => m.event.id)).size === 3 + writes,
        20_000,
      );
      expect(revisionsBySubject(queue.messages)).toEqual(
        new Map(ids.map((id) => [id, upTo(1 + writes / 3)])),
      );
      // Marking follows the broker's confirm, which may come after the consumer got the message.
      await eventually(async () => expect(await pendingRows(t)).toBe(0));
    } finally {
      await proxy.restore();
      await t.close();
    }
  }, 60_000);

  it('delivers what a stopped process left unpublished once the next one starts', async () => {
    const database = await createTestDatabase('events_restart');
    const env = { ...broker.env(proxy.urlFor(TEST_RABBITMQ_URL)), DATABASE_URL: database.url };
    try {
      await proxy.cut();
      const first = await startTestApp({ env });
      const id = await register(first, 'left-behind');
      await first.http('editor').patch(`${BASE}/${id}`).send({ version: '1' }).expect(200);
      await first.http('editor').delete(`${BASE}/${id}`).expect(204);
      expect(await pendingRows(first)).toBe(3);
      await first.close();
      expect(queue.messages).toEqual([]);

      await proxy.restore();
      const second = await startTestApp({ env });
      broker.adoptConsumerQueuesOf(second.app);
      try {
        await queue.atLeast(3);
        // Longer than a poll interval: a duplicate would have shown up by now.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(queue.messages.map((m) => [m.event.subject, m.event.aggregaterevision])).toEqual([
          [id, 1],
          [id, 2],
          [id, 3],
        ]);
        await eventually(async () => expect(await pendingRows(second)).toBe(0));
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});
