import type { WebhookSubscription } from './webhook-subscription.aggregate';

export abstract class WebhookSubscriptionRepository {
  abstract findById(id: string): Promise<WebhookSubscription | undefined>;
  /** Inserts or revision-checks an update, with the recorded event, in the command's transaction. */
  abstract save(subscription: WebhookSubscription): Promise<void>;
}
