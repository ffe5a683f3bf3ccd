import { DomainEvent } from '@servertree/ddd';
import type { WebhookSubscriptionSnapshot } from '../webhook-subscription.snapshot';

export class WebhookCreated extends DomainEvent<WebhookSubscriptionSnapshot> {
  static readonly type = 'server.webhook.created';
  readonly type = WebhookCreated.type;
}
