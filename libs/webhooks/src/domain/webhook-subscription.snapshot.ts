/** What a subscription says, as plain values (never the secret). */
export interface SubscriptionValues {
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description: string | null;
  readonly enabled: boolean;
}

/** A subscription as the API shows it: never the secret. */
export interface WebhookSubscriptionSnapshot extends SubscriptionValues {
  readonly id: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly discarded: boolean;
}
