import { CommandBus } from '@nestjs/cqrs';
import { ExecutionContexts } from '@servertree/platform';
import { Identifier } from '@servertree/ddd';
import { ConsumerQueues, MAX_DELIVERY_ATTEMPTS } from '@servertree/messaging';
import { eventually } from '../support/eventually';
import { MessagingContext, startMessagingContext } from '../support/messaging-context';
import { TestBroker } from '../support/rabbitmq';
import {
  RecordThingCommand,
  ThingData,
  THINGS_CONSUMER,
  ThingsConsumer,
  ThingsModule,
  ThrowingEventHandlerModule,
} from './things.module';

/** Stores one event for a new aggregate and answers its id. */
async function recordThing(
  m: MessagingContext,
  data: ThingData,
  options: { failAfterStoring?: boolean } = {},
): Promise<string> {
  const thingId = Identifier.generate();
  await m.context
    .get(CommandBus)
    .execute(new RecordThingCommand(thingId, 1, data, options.failAfterStoring));
  return thingId;
}

async function storedEventsOf(m: MessagingContext, thingId: string): Promise<unknown[]> {
  return m.dataSource.query('SELECT id FROM outbox WHERE aggregate_id = ?', [thingId]);
}

describe('Integration event consumers on RabbitMQ (MariaDB + RabbitMQ)', () => {
  let broker: TestBroker;
  let m: MessagingContext;
  let consumer: ThingsConsumer;
  let queues: ConsumerQueues;

  beforeAll(async () => {
    broker = await TestBroker.create('consumers');
    m = await startMessagingContext({ database: 'mysql', env: broker.env() }, [ThingsModule]);
    broker.adoptConsumerQueuesOf(m.context);
    consumer = m.context.get(ThingsConsumer);
    queues = new ConsumerQueues(broker.queuePrefix, THINGS_CONSUMER);
  });

  afterAll(async () => {
    await m?.close();
    await broker?.cleanUp();
  });

  it("gets committed events through the broker, running in the cause's correlation id and actor", async () => {
    await ExecutionContexts.run({ correlationId: 'req-42', actor: 'alice' }, () =>
      recordThing(m, { note: 'first' }),
    );

    await eventually(() => expect(consumer.handledNotes()).toContain('first'));
    const { event, context } = consumer.handledOf('first');
    expect(context).toEqual({ correlationId: 'req-42', actor: 'alice' });
    expect(event).toMatchObject({ type: 'test.thing.happened', correlationid: 'req-42' });
  });

  it('changes nothing when an event is delivered again', async () => {
    await recordThing(m, { note: 'once' });
    await eventually(() => expect(consumer.handledNotes()).toContain('once'));
    const { event } = consumer.handledOf('once');

    await broker.publish(event.type, event, event.id);
    await broker.publish(event.type, event, event.id);
    await recordThing(m, { note: 'after the duplicates' });

    // One message at a time, in queue order: the duplicates were processed before this one.
    await eventually(() => expect(consumer.handledNotes()).toContain('after the duplicates'));
    expect(consumer.handledNotes().filter((note) => note === 'once')).toHaveLength(1);
    expect(consumer.attempts.get('once')).toBe(1);
    const inbox = await m.dataSource.query('SELECT consumer FROM inbox WHERE event_id = ?', [
      event.id,
    ]);
    expect(inbox).toEqual([{ consumer: THINGS_CONSUMER }]);
  });

  it('retries a failing handler until it succeeds; failed attempts leave nothing behind', async () => {
    await recordThing(m, { note: 'flaky', failures: 2 });

    await eventually(() => expect(consumer.handledNotes()).toContain('flaky'));
    expect(consumer.attempts.get('flaky')).toBe(3);
  });

  it(`moves a message that fails ${MAX_DELIVERY_ATTEMPTS} times to the dead-letter queue`, async () => {
    await recordThing(m, { note: 'poison', failures: 'always' });

    await eventually(async () => expect(await broker.depth(queues.deadLetter)).toBe(1), 20_000);
    expect(consumer.attempts.get('poison')).toBe(MAX_DELIVERY_ATTEMPTS);
    expect(consumer.handledNotes()).not.toContain('poison');
    expect(await broker.depth(queues.main)).toBe(0);
    expect(await broker.depth(queues.retry)).toBe(0);
  }, 30_000);

  it('dead-letters a message that is not a CloudEvent at once, without calling the handler', async () => {
    const attemptsBefore = consumer.attempts.size;
    const deadBefore = (await broker.depth(queues.deadLetter)) ?? 0;

    await broker.publish('test.thing.garbled', Buffer.from('{ not json'));

    await eventually(async () =>
      expect(await broker.depth(queues.deadLetter)).toBe(deadBefore + 1),
    );
    expect(consumer.attempts.size).toBe(attemptsBefore);
  });
});

describe.each(['sqlite', 'mysql'] as const)(
  'In-process delivery without a broker (%s)',
  (database) => {
    let m: MessagingContext;
    let consumer: ThingsConsumer;

    beforeAll(async () => {
      m = await startMessagingContext({ database }, [ThingsModule, ThrowingEventHandlerModule]);
      consumer = m.context.get(ThingsConsumer);
    });

    afterAll(async () => {
      await m?.close();
    });

    it('stores the event with the change, then delivers it to the consumer and marks it published', async () => {
      const thingId = await recordThing(m, { note: 'stored' });

      await eventually(() => expect(consumer.handledNotes()).toContain('stored'));
      await eventually(async () => {
        const [row] = await m.dataSource.query(
          'SELECT published_at FROM outbox WHERE aggregate_id = ?',
          [thingId],
        );
        expect(row.published_at).not.toBeNull();
      });
    });

    it('keeps no event of a command that failed, and delivers none', async () => {
      const failing = recordThing(m, { note: 'rolled back' }, { failAfterStoring: true });
      await expect(failing).rejects.toThrow('failing after storing');
      await recordThing(m, { note: 'after the failure' });

      await eventually(() => expect(consumer.handledNotes()).toContain('after the failure'));
      expect(consumer.handledNotes()).not.toContain('rolled back');
      const notes = await m.dataSource.query('SELECT data FROM outbox');
      expect(notes.map((row: { data: string }) => JSON.parse(row.data).note)).not.toContain(
        'rolled back',
      );
    });

    it('gives up on an event that keeps failing without holding up the next ones', async () => {
      await recordThing(m, { note: 'poison', failures: 'always' });
      await recordThing(m, { note: 'next' });

      await eventually(() => expect(consumer.handledNotes()).toContain('next'));
      expect(consumer.attempts.get('poison')).toBe(MAX_DELIVERY_ATTEMPTS);
      expect(consumer.handledNotes()).not.toContain('poison');
    });

    it('delivers although an EventBus handler throws on every event', async () => {
      // ThrowingThingHandler has failed on every event so far; the stream is still alive.
      const thingId = await recordThing(m, { note: 'still flowing' });

      await eventually(() => expect(consumer.handledNotes()).toContain('still flowing'));
      expect(await storedEventsOf(m, thingId)).toHaveLength(1);
    });
  },
);
