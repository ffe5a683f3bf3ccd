import { Logger } from '@nestjs/common';
import type { CloudEvent } from '../contracts/cloud-event';
import { OutboxRecord } from '../outbox/outbox.record';
import type { IntegrationEventConsumers } from '../consumers/integration-event-consumers';
import type { IntegrationEventDispatcher } from '../consumers/integration-event-dispatcher';
import { InProcessTransport } from './in-process.transport';

describe('InProcessTransport', () => {
  afterEach(() => jest.restoreAllMocks());

  it('says at start that events do not leave the process', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const transport = new InProcessTransport(
      {} as IntegrationEventConsumers,
      {} as IntegrationEventDispatcher,
    );

    transport.onApplicationBootstrap();

    expect(warn).toHaveBeenCalledWith(
      'RABBITMQ_URL not set: events are stored and delivered in-process only',
    );
  });

  it('stops the batch at an event whose consumer cannot reach its database, without spending its attempts', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
      code: 'ECONNREFUSED',
    });
    const dispatched: string[] = [];
    const dispatcher = {
      dispatch: async (_consumer: unknown, event: CloudEvent) => {
        dispatched.push(event.id);
        if (event.id === 'second') throw unreachable;
      },
      count: () => undefined,
    } as unknown as IntegrationEventDispatcher;
    const consumers = {
      interestedIn: () => [{ name: 'test.consumer' }],
    } as unknown as IntegrationEventConsumers;
    const records = ['first', 'second', 'third'].map((id, index) =>
      Object.assign(new OutboxRecord(), {
        id,
        type: 'test.event',
        aggregateId: 'thing',
        aggregateRevision: index + 1,
        occurredAt: new Date(),
        correlationId: 'req-1',
        actor: 'alice',
        data: '{}',
      }),
    );

    const delivery = await new InProcessTransport(consumers, dispatcher).publish(records);

    expect(delivery).toEqual({ confirmed: 1, failure: unreachable });
    expect(dispatched).toEqual(['first', 'second']);
  });
});
