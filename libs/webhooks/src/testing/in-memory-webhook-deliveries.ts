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
 * The delivery log for handler specs, keeping the promises of the TypeORM one: a delivery is
 * found only under its own subscription, only a failed one is made due again, and removing a
 * subscription drops its pending deliveries while the delivered and failed ones stay in its log.
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

  async statusOf(
    subscriptionId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryState['status'] | undefined> {
    const delivery = this.deliveries.get(deliveryId);
    return delivery?.subscriptionId === subscriptionId ? delivery.status : undefined;
  }

  async retryNow(deliveryId: string, at: Date): Promise<boolean> {
    const delivery = this.deliveries.get(deliveryId);
    if (delivery?.status !== 'failed') return false;
    this.deliveries.set(deliveryId, {
      ...delivery,
      status: 'pending',
      nextAttemptAt: at,
      retryingSince: at,
      updatedAt: at,
    });
    return true;
  }

  dropPending(subscriptionId: string): void {
    for (const delivery of [...this.deliveries.values()]) {
      if (delivery.subscriptionId === subscriptionId && delivery.status === 'pending') {
        this.deliveries.delete(delivery.id);
      }
    }
  }
}
