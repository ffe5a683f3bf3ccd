import { Command } from '@nestjs/cqrs';
import type { CommandAcknowledgement } from '@servertree/ddd';
import type { WebhookDisabledReason } from '../../../domain/events/webhook-disabled.event';

/** Sent by the delivery side when a subscription's deliveries all failed for 24 h. */
export class DisableWebhookCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly subscriptionId: string,
    readonly reason: WebhookDisabledReason,
  ) {
    super();
  }
}
