import { Logger } from '@nestjs/common';
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
});
