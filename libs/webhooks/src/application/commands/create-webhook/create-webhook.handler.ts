import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, Identifier } from '@servertree/ddd';
import { WebhookSubscription } from '../../../domain/webhook-subscription.aggregate';
import { WebhookSubscriptionRepository } from '../../../domain/webhook-subscription.repository.port';
import { WebhookTargetPolicy } from '../../../domain/webhook-target-policy.port';
import { WebhookSecrets } from '../../webhook-secrets.port';
import { CreateWebhookCommand } from './create-webhook.command';

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly targets: WebhookTargetPolicy,
    private readonly secrets: WebhookSecrets,
    private readonly clock: Clock,
  ) {}

  async execute({
    details,
  }: CreateWebhookCommand): Promise<CommandAcknowledgement & { secret: string }> {
    const secret = this.secrets.generate();
    const subscription = WebhookSubscription.create(
      Identifier.generate(),
      details,
      secret.sealed,
      this.clock.now(),
    );
    await this.targets.assertAllowed(subscription.url.value, 'url');
    await this.subscriptions.save(subscription);
    return { id: subscription.id, revision: subscription.revision, secret: secret.plaintext };
  }
}
