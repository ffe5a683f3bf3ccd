import type { Page, PageRequest } from '@servertree/ddd';
import type { WebhookSubscriptionSnapshot } from '../../domain/webhook-subscription.snapshot';

/** One line of a subscription's delivery log (GET /webhooks/{id}/deliveries). */
export interface WebhookDeliveryView {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastHttpStatus: number | null;
  /** The receiver's first 1 KiB of answer, or why the attempt failed without one. */
  readonly lastResponse: string | null;
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export abstract class WebhookReadModel {
  abstract subscription(id: string): Promise<WebhookSubscriptionSnapshot | undefined>;
  /** Live subscriptions, oldest first. */
  abstract subscriptions(page: PageRequest): Promise<Page<WebhookSubscriptionSnapshot>>;
  /** Newest event first. */
  abstract deliveries(
    subscriptionId: string,
    page: PageRequest,
  ): Promise<Page<WebhookDeliveryView>>;
}
