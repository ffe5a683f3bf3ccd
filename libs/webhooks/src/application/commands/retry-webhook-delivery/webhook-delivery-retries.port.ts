/** Makes a failed delivery due again, with a new retry window. */
export abstract class WebhookDeliveryRetries {
  /** What was found: retried, no such delivery of that subscription, or one not failed. */
  abstract retryNow(
    subscriptionId: string,
    deliveryId: string,
    at: Date,
  ): Promise<'retried' | 'not_found' | 'not_failed'>;
}
