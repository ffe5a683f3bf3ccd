import { eventually } from '../support/eventually';
import { createTestDatabase, TestDatabase } from '../support/mariadb';
import { TestBroker, TestQueue } from '../support/rabbitmq';
import { startTestApp, TestApp } from '../support/test-app';

const BASE = '/api/v1/applications';
const AGGREGATES = 12;
const CHANGES_EACH = 8;

/**
 * Two service instances on one database, each with its own relay. Their drains take turns
 * under the outbox lease, so events leave once each and, per aggregate, in revision order.
 */
describe('Event delivery with two service instances (MariaDB + RabbitMQ)', () => {
  let database: TestDatabase;
  let broker: TestBroker;
  let queue: TestQueue;
  let instances: TestApp[];

  beforeAll(async () => {
    database = await createTestDatabase('events_two');
    broker = await TestBroker.create('events_two');
    queue = await broker.listen('#');
    const env = { ...broker.env(), DATABASE_URL: database.url };
    instances = [await startTestApp({ env }), await startTestApp({ env })];
    broker.adoptConsumerQueuesOf(instances[0].app);
  });

  afterAll(async () => {
    for (const instance of instances ?? []) await instance.close();
    await broker?.cleanUp();
    await database?.drop();
  });

  it('publishes every event exactly once and keeps each aggregate in revision order', async () => {
    // Every aggregate is written through both instances in turn, all aggregates at once.
    const histories = Array.from({ length: AGGREGATES }, async (_, n) => {
      const { body } = await instances[n % 2]
        .http('editor')
        .post(BASE)
        .send({ name: `app-${n}`, version: '0', architecture: 'x86_64' })
        .expect(201);
      for (let change = 1; change <= CHANGES_EACH; change += 1) {
        await instances[(n + change) % 2]
          .http('editor')
          .patch(`${BASE}/${body.id}`)
          .send({ version: String(change) })
          .expect(200);
      }
      return body.id as string;
    });
    const ids = await Promise.all(histories);
    const total = AGGREGATES * (1 + CHANGES_EACH);

    await queue.atLeast(total, 20_000);
    // Longer than a poll interval: a duplicate would have shown up by now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const eventIds = queue.events.map((event) => event.id);
    expect(new Set(eventIds).size).toBe(total);
    expect(eventIds).toHaveLength(total);
    const expected = Array.from({ length: 1 + CHANGES_EACH }, (_, i) => i + 1);
    for (const id of ids) {
      const revisions = queue.events
        .filter((event) => event.subject === id)
        .map((event) => event.aggregaterevision);
      expect(revisions).toEqual(expected);
    }
    await eventually(async () => {
      const [{ n }] = await instances[0].dataSource.query(
        'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
      );
      expect(Number(n)).toBe(0);
    });
  }, 60_000);
});
