import { Command } from '@nestjs/cqrs';

/**
 * Events were committed to the outbox: deliver what is pending now. It names no event on
 * purpose - delivering one event ahead of older pending ones would break revision order.
 */
export class DeliverPendingEventsCommand extends Command<void> {}
