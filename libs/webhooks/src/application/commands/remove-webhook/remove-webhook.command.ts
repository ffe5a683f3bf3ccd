import { Command } from '@nestjs/cqrs';
import type { CommandAcknowledgement } from '@servertree/ddd';

/** Removes the subscription; its pending deliveries are dropped with it (SPEC §6). */
export class RemoveWebhookCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly subscriptionId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
