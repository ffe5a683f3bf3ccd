import { AmqpConnection, RabbitMQModule, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import { ConsoleLogger, DynamicModule, INestApplicationContext, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { eventually } from '../support/eventually';
import { TEST_RABBITMQ_URL, TestBroker } from '../support/rabbitmq';

/**
 * Pins why the service builds its AmqpConnection itself instead of importing
 * `RabbitMQModule.forRoot` and `@RabbitSubscribe` (ADR 17): the module keeps every connection
 * in a process-wide static registry and registers handlers once per process. Two applications
 * in one process - two instances in one test, as events-two-instances.e2e-spec.ts runs them -
 * then interfere. If a release of the library stops doing this, this test fails: time to
 * reconsider the module.
 */
describe('@golevelup/nestjs-rabbitmq RabbitMQModule with two applications in one process', () => {
  let broker: TestBroker;
  const received: string[] = [];

  @Injectable()
  class Subscriber {
    @RabbitSubscribe({ name: 'probe' })
    handle(message: { app: string }): void {
      received.push(message.app);
    }
  }

  function moduleFor(app: string): DynamicModule {
    return {
      module: class {},
      imports: [
        RabbitMQModule.forRoot({
          uri: TEST_RABBITMQ_URL,
          name: app,
          exchanges: [{ name: broker.exchange, type: 'topic' }],
          handlers: {
            probe: {
              exchange: broker.exchange,
              routingKey: `probe.${app}`,
              queue: `${broker.queuePrefix}.${app}`,
              queueOptions: { autoDelete: true },
            },
          },
          connectionInitOptions: { wait: true },
          enableDirectReplyTo: false,
        }),
      ],
      providers: [Subscriber],
    };
  }

  async function start(app: string): Promise<INestApplicationContext> {
    const module = await Test.createTestingModule({ imports: [moduleFor(app)] })
      .setLogger(new ConsoleLogger({ logLevels: ['error'] }))
      .compile();
    return module.init();
  }

  beforeAll(async () => {
    broker = await TestBroker.create('golevelup');
  });

  afterAll(async () => {
    await broker?.cleanUp();
  });

  it("registers only the first application's handlers, and closing one closes the other's connection", async () => {
    const first = await start('first');
    const second = await start('second');
    const secondConnection = second.get(AmqpConnection);

    await broker.publish('probe.first', { app: 'first' });
    await broker.publish('probe.second', { app: 'second' });
    await eventually(() => expect(received).toContain('first'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The second application's handler was never subscribed: its queue does not even exist.
    expect(received).not.toContain('second');
    expect(await broker.depth(`${broker.queuePrefix}.second`)).toBeUndefined();

    await first.close();
    // The first application's shutdown closed every registered connection, the second's too.
    expect(secondConnection.connected).toBe(false);
    await second.close().catch(() => undefined);
  });
});
