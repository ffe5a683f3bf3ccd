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

  describe('when a consumer cannot reach its database', () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
      code: 'ECONNREFUSED',
    });
    let dispatched: string[];
    let transport: InProcessTransport;

    beforeEach(() => {
      dispatched = [];
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
      transport = new InProcessTransport(consumers, dispatcher);
    });

    function records(...ids: string[]): OutboxRecord[] {
      return ids.map((id, index) =>
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
    }

    it('stops the batch at that event, without spending its attempts', async () => {
      const delivery = await transport.publish(records('first', 'second', 'third'));

      expect(delivery).toEqual({ confirmed: 1, failure: unreachable });
      expect(dispatched).toEqual(['first', 'second']);
    });

    it('refuses whole a batch handed over before that failure was known, and takes later ones', async () => {
      // The relay sends its next batch while the one before is still being delivered.
      const failing = transport.publish(records('first', 'second', 'third'));
      const behind = transport.publish(records('fourth'));

      expect(await failing).toEqual({ confirmed: 1, failure: unreachable });
      expect(await behind).toEqual({ confirmed: 0, failure: unreachable });
      expect(dispatched).toEqual(['first', 'second']);

      // Its next attempt, after the backoff, is delivered again.
      expect(await transport.publish(records('fifth'))).toEqual({ confirmed: 1 });
    });
  });
});
