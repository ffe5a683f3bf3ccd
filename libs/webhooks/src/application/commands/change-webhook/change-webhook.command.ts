import { Command } from '@nestjs/cqrs';
import type { CommandAcknowledgement } from '@servertree/ddd';
import type { SubscriptionDetails } from '../../../domain/webhook-subscription.aggregate';

export class ChangeWebhookCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly subscriptionId: string,
    /** Only the fields to change; absent fields keep their value. */
    readonly changes: Partial<SubscriptionDetails>,
    /** From If-Match: the change applies only to this revision. */
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
