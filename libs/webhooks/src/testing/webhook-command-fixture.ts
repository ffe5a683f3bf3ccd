import { eachCommandWith, FixedClock } from '@servertree/ddd/testing';
import { SubscriptionDetails } from '../domain/webhook-subscription.aggregate';
import { InMemoryWebhookDeliveries } from './in-memory-webhook-deliveries';
import { InMemoryWebhookSubscriptionRepository } from './in-memory-webhook-subscription.repository';
import { LiteralHostTargetPolicy } from './literal-host-target-policy';
import { ReversibleWebhookSecrets } from './reversible-webhook-secrets';
import { WebhookSubscriptionMother } from './webhook-subscription.mother';

/**
 * What a webhook command handler depends on, in memory: the repository holding the mother's
 * created subscription (SUBSCRIPTION_ID, revision 1, created with `details`), an empty
 * delivery log it shares, a target policy without DNS, openable secrets and a fixed clock.
 */
export function webhookCommandFixture(details: Partial<SubscriptionDetails> = {}) {
  const deliveries = new InMemoryWebhookDeliveries();
  return {
    subscriptions: new InMemoryWebhookSubscriptionRepository(deliveries).given(
      WebhookSubscriptionMother.created(details),
    ),
    deliveries,
    targets: new LiteralHostTargetPolicy(),
    secrets: new ReversibleWebhookSecrets(),
    clock: new FixedClock(),
  };
}

export type WebhookCommandFixture = ReturnType<typeof webhookCommandFixture>;

/** `eachWebhookCommand(build, details?)`: a fresh fixture and handler before each test. */
export const eachWebhookCommand = eachCommandWith(webhookCommandFixture);
