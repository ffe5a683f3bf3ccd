import { Command } from '@nestjs/cqrs';
import type { CommandAcknowledgement } from '@servertree/ddd';
import type { SubscriptionDetails } from '../../../domain/webhook-subscription.aggregate';

/** Answers the secret in clear: the only moment it is ever shown. */
export class CreateWebhookCommand extends Command<CommandAcknowledgement & { secret: string }> {
  constructor(readonly details: SubscriptionDetails) {
    super();
  }
}
