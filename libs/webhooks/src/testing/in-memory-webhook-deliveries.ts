import { WebhookDeliveryRetries } from '../application/commands/retry-webhook-delivery/webhook-delivery-retries.port';
import type { WebhookDeliveryView } from '../application/queries/webhook-read-model.port';

/** What the handlers' ports read and write of a `webhook_deliveries` row. */
export interface WebhookDeliveryState {
  readonly id: string;
  readonly subscriptionId: string;
  readonly status: WebhookDeliveryView['status'];
  readonly nextAttemptAt: Date | null;
  /** Start of the retry window; a manual retry starts a new one. */
  readonly retryingSince: Date | null;
  readonly updatedAt: Date;
}

/**
 * The delivery log for handler specs, keeping the promises of the TypeORM one: only a failed
 * delivery of the named subscription is made due again, and removing a subscription drops its
 * pending deliveries while the delivered and failed ones stay in its log.
 */
export class InMemoryWebhookDeliveries extends WebhookDeliveryRetries {
  private readonly deliveries = new Map<string, WebhookDeliveryState>();

  /** Stores deliveries as a test's starting point. */
  given(...deliveries: WebhookDeliveryState[]): this {
    for (const delivery of deliveries) this.deliveries.set(delivery.id, delivery);
    return this;
  }

  find(id: string): WebhookDeliveryState | undefined {
    return this.deliveries.get(id);
  }

  async retryNow(
    subscriptionId: string,
    deliveryId: string,
    at: Date,
  ): Promise<'retried' | 'not_found' | 'not_failed'> {
    const delivery = this.deliveries.get(deliveryId);
    if (delivery?.subscriptionId !== subscriptionId) return 'not_found';
    if (delivery.status !== 'failed') return 'not_failed';
    this.deliveries.set(deliveryId, {
      ...delivery,
      status: 'pending',
      nextAttemptAt: at,
      retryingSince: at,
      updatedAt: at,
    });
    return 'retried';
  }

  dropPending(subscriptionId: string): void {
    for (const delivery of [...this.deliveries.values()]) {
      if (delivery.subscriptionId === subscriptionId && delivery.status === 'pending') {
        this.deliveries.delete(delivery.id);
      }
    }
  }
}
