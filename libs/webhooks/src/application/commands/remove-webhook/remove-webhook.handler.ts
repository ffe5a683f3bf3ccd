import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { WebhookSubscriptionRepository } from '../../../domain/webhook-subscription.repository.port';
import { RemoveWebhookCommand } from './remove-webhook.command';

@CommandHandler(RemoveWebhookCommand)
export class RemoveWebhookHandler implements ICommandHandler<RemoveWebhookCommand> {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RemoveWebhookCommand): Promise<CommandAcknowledgement> {
    const subscription = await loadForChange(
      this.subscriptions.findById(command.subscriptionId),
      'WebhookSubscription',
      command.subscriptionId,
      command.expectedRevision,
    );
    subscription.remove(this.clock.now());
    await this.subscriptions.save(subscription);
    return { id: subscription.id, revision: subscription.revision };
  }
}
