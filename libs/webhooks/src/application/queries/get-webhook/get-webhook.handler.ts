import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@servertree/ddd';
import type { WebhookSubscriptionSnapshot } from '../../../domain/webhook-subscription.snapshot';
import { WebhookReadModel } from '../webhook-read-model.port';
import { GetWebhookQuery } from './get-webhook.query';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(private readonly readModel: WebhookReadModel) {}

  async execute({ subscriptionId }: GetWebhookQuery): Promise<WebhookSubscriptionSnapshot> {
    const subscription = await this.readModel.subscription(subscriptionId);
    if (!subscription) throw NotFoundError.aggregate('WebhookSubscription', subscriptionId);
    return subscription;
  }
}
