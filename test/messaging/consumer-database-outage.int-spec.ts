import { setTimeout as delay } from 'node:timers/promises';
import { CommandBus } from '@nestjs/cqrs';
import { Identifier } from '@servertree/ddd';
import { ConsumerQueues, MAX_DELIVERY_ATTEMPTS, RETRY_DELAY_MS } from '@servertree/messaging';
import { eventually } from '../support/eventually';
import { MessagingContext, startMessagingContext } from '../support/messaging-context';
import { TestBroker } from '../support/rabbitmq';
import { TcpProxy } from '../support/tcp-proxy';
import { RecordThingCommand, THINGS_CONSUMER, ThingsConsumer, ThingsModule } from './things.module';

/**
 * A consumer's database goes away (the proxy in front of MariaDB is cut) while a message waits
 * for it: a failure of the infrastructure, not of the message, so it must not use up the
 * message's delivery attempts - counted, MAX_DELIVERY_ATTEMPTS of them RETRY_DELAY_MS apart
 * would dead-letter it within seconds.
 */
describe('A consumer whose database is unreachable (MariaDB through a proxy + RabbitMQ)', () => {
  let proxy: TcpProxy;
  let broker: TestBroker;
  let m: MessagingContext;
  let consumer: ThingsConsumer;
  let queues: ConsumerQueues;

  beforeAll(async () => {
    proxy = await TcpProxy.start('mysql://127.0.0.1:3306');
    broker = await TestBroker.create('database_outage');
    m = await startMessagingContext(
      { database: 'mysql', env: broker.env(), databaseUrl: (url) => proxy.urlFor(url) },
      [ThingsModule],
    );
    broker.adoptConsumerQueuesOf(m.context);
    consumer = m.context.get(ThingsConsumer);
    queues = new ConsumerQueues(broker.queuePrefix, THINGS_CONSUMER);
  });

  afterAll(async () => {
    await proxy?.closeWith(m);
    await broker?.cleanUp();
  });

  it('keeps the message through an outage longer than its attempts last, and handles it once when the database is back', async () => {
    await m.context
      .get(CommandBus)
      .execute(new RecordThingCommand(Identifier.generate(), 1, { note: 'before' }));
    await eventually(() => expect(consumer.handledNotes()).toContain('before'));
    const { event } = consumer.handledOf('before');

    await proxy.cut();
    const during = { ...event, id: Identifier.generate(), data: { note: 'during the outage' } };
    await broker.publish(during.type, during, during.id);
    await delay((MAX_DELIVERY_ATTEMPTS + 3) * RETRY_DELAY_MS);
    expect(await broker.depth(queues.deadLetter)).toBe(0);
    expect(consumer.handledNotes()).not.toContain('during the outage');

    await proxy.restore();
    await eventually(() => expect(consumer.handledNotes()).toContain('during the outage'), 45_000);
    expect(consumer.attempts.get('during the outage')).toBe(1);
    expect(await broker.depth(queues.deadLetter)).toBe(0);
  }, 90_000);
});
