import type { WebhookDeliveryView } from '../../queries/webhook-read-model.port';

/** Makes a failed delivery due again, with a new retry window. */
export abstract class WebhookDeliveryRetries {
  /** The delivery's status, or undefined when the subscription has no such delivery. */
  abstract statusOf(
    subscriptionId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryView['status'] | undefined>;

  /** Makes the delivery due at `at` if it is still failed; whether it was. */
  abstract retryNow(deliveryId: string, at: Date): Promise<boolean>;
}
