import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { BeforeApplicationShutdown } from '@nestjs/common';
import { RabbitMqConsumers } from './rabbitmq-consumers';

/**
 * Closes the broker connection at the right moment of shutdown: after the relay has stopped
 * (it stops on module destroy, the phase before), and before the database is closed (the
 * phase after), so consumers finish the message in hand while they can still commit it.
 */
export class RabbitMqShutdown implements BeforeApplicationShutdown {
  constructor(
    private readonly connection: AmqpConnection,
    private readonly consumers: RabbitMqConsumers,
  ) {}

  beforeApplicationShutdown(): Promise<void> {
    this.consumers.stop();
    return this.connection.close();
  }
}
