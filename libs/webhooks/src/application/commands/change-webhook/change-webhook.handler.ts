import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { WebhookSubscriptionRepository } from '../../../domain/webhook-subscription.repository.port';
import { WebhookTargetPolicy } from '../../../domain/webhook-target-policy.port';
import { ChangeWebhookCommand } from './change-webhook.command';

@CommandHandler(ChangeWebhookCommand)
export class ChangeWebhookHandler implements ICommandHandler<ChangeWebhookCommand> {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly targets: WebhookTargetPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangeWebhookCommand): Promise<CommandAcknowledgement> {
    const subscription = await loadForChange(
      this.subscriptions.findById(command.subscriptionId),
      'WebhookSubscription',
      command.subscriptionId,
      command.expectedRevision,
    );
    subscription.change(command.changes, this.clock.now());
    if (command.changes.url !== undefined) {
      await this.targets.assertAllowed(subscription.url.value, 'url');
    }
    await this.subscriptions.save(subscription);
    return { id: subscription.id, revision: subscription.revision };
  }
}
