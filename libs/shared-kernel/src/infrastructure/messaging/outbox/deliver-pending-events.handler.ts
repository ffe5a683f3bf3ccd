import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliverPendingEventsCommand } from './deliver-pending-events.command';
import { OutboxRelay } from './outbox-relay';

/**
 * Hands the work to the relay's own loop and returns at once. The handler never touches the
 * database, so the command bus opens no transaction for it.
 */
@CommandHandler(DeliverPendingEventsCommand)
export class DeliverPendingEventsHandler implements ICommandHandler<DeliverPendingEventsCommand> {
  constructor(private readonly relay: OutboxRelay) {}

  async execute(): Promise<void> {
    this.relay.nudge();
  }
}
