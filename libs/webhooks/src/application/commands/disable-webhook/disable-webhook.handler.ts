import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { WebhookSubscriptionRepository } from '../../../domain/webhook-subscription.repository.port';
import { DisableWebhookCommand } from './disable-webhook.command';

@CommandHandler(DisableWebhookCommand)
export class DisableWebhookHandler implements ICommandHandler<DisableWebhookCommand> {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: DisableWebhookCommand): Promise<CommandAcknowledgement> {
    const subscription = await loadForChange(
      this.subscriptions.findById(command.subscriptionId),
      'WebhookSubscription',
      command.subscriptionId,
      undefined,
    );
    subscription.disable(command.reason, this.clock.now());
    await this.subscriptions.save(subscription);
    return { id: subscription.id, revision: subscription.revision };
  }
}
