import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Identifier } from '@servertree/ddd';
import { ConsumerQueues } from '@servertree/messaging';
import { Channel, ChannelModel, connect } from 'amqplib';
import { eventually } from '../support/eventually';
import {
  MessagingContext,
  startMessagingContext,
  useMessagingContextOnBroker,
} from '../support/messaging-context';
import { TEST_RABBITMQ_URL, TestBroker } from '../support/rabbitmq';
import { RecordThingCommand, THINGS_CONSUMER, ThingsConsumer, ThingsModule } from './things.module';

/** Declares a queue on a channel of its own; the broker's 406 closes that channel only. */
async function redeclare(
  connection: ChannelModel,
  queue: string,
  options: Parameters<Channel['assertQueue']>[1],
): Promise<number | undefined> {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  try {
    await channel.assertQueue(queue, options);
    await channel.close();
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

describe('Consumer queues on RabbitMQ (MariaDB + RabbitMQ)', () => {
  let connection: ChannelModel;

  beforeAll(async () => {
    connection = await connect(TEST_RABBITMQ_URL);
  });

  afterAll(async () => {
    await connection?.close();
  });

  describe('declared by the service', () => {
    const { broker } = useMessagingContextOnBroker('quorum', [ThingsModule]);

    it('are quorum queues with a delivery limit, at-least-once dead-lettering, reject-publish and a length limit', async () => {
      const queues = new ConsumerQueues(broker.queuePrefix, THINGS_CONSUMER);
      await eventually(async () => expect(await broker.depth(queues.deadLetter)).toBe(0));

      for (const [queue, options] of queues.all) {
        expect(options.arguments).toMatchObject({
          'x-queue-type': 'quorum',
          'x-delivery-limit': expect.any(Number),
          'x-dead-letter-exchange': '',
          'x-dead-letter-strategy': 'at-least-once',
          'x-overflow': 'reject-publish',
          'x-max-length': expect.any(Number),
        });
        // The broker accepts exactly these arguments again, and refuses a classic queue.
        expect(await redeclare(connection, queue, options)).toBeUndefined();
        expect(
          await redeclare(connection, queue, {
            durable: true,
            arguments: { ...options.arguments, 'x-queue-type': 'classic' },
          }),
        ).toBe(406);
      }
    });
  });

  describe('left as classic queues by an earlier version', () => {
    let broker: TestBroker;
    let m: MessagingContext;
    let errors: jest.SpyInstance;

    beforeAll(async () => {
      broker = await TestBroker.create('classic');
      broker.adoptConsumerQueues([THINGS_CONSUMER]);
      const queues = new ConsumerQueues(broker.queuePrefix, THINGS_CONSUMER);
      // What versions before quorum queues declared.
      const channel = await connection.createChannel();
      await channel.assertQueue(queues.main, {
        durable: true,
        arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queues.retry },
      });
      await channel.close();
      errors = jest.spyOn(Logger.prototype, 'error');
      m = await startMessagingContext({ database: 'mysql', env: broker.env() }, [ThingsModule]);
    });

    afterAll(async () => {
      errors?.mockRestore();
      await m?.close();
      await broker?.cleanUp();
    });

    it('make the service say so and publish nothing, keeping the events in the outbox', async () => {
      const listener = await broker.listen('#');
      const thingId = Identifier.generate();
      await m.context
        .get(CommandBus)
        .execute(new RecordThingCommand(thingId, 1, { note: 'kept back' }));

      await eventually(() =>
        expect(errors.mock.calls.map(([message]) => String(message))).toContainEqual(
          expect.stringMatching(/queue .*test\.things.* exists with other arguments.*README/),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // several relay polls
      const [row] = await m.dataSource.query(
        'SELECT published_at FROM outbox WHERE aggregate_id = ?',
        [thingId],
      );
      expect(row.published_at).toBeNull();
      expect(listener.messages).toHaveLength(0);
      expect(m.context.get(ThingsConsumer).handledNotes()).toEqual([]);
    });
  });
});
