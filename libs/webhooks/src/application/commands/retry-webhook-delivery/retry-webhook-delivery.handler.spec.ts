import { AggregateDiscardedError, ConflictError, NotFoundError } from '@servertree/ddd';
import {
  CREATED_AT,
  eachWebhookCommand,
  SUBSCRIPTION_ID,
  UNKNOWN_ID,
  WebhookSubscriptionMother,
} from '@servertree/webhooks/testing';
import type { WebhookSubscription } from '../../../domain/webhook-subscription.aggregate';
import { RetryWebhookDeliveryCommand } from './retry-webhook-delivery.command';
import { RetryWebhookDeliveryHandler } from './retry-webhook-delivery.handler';

describe('Retrying a webhook delivery by hand', () => {
  const { fixture, handler } = eachWebhookCommand(
    ({ subscriptions, deliveries, clock }) =>
      new RetryWebhookDeliveryHandler(subscriptions, deliveries, clock),
  );

  const failed = WebhookSubscriptionMother.delivery({ status: 'failed' });

  const retry = (subscriptionId = failed.subscriptionId, deliveryId = failed.id) =>
    handler.execute(new RetryWebhookDeliveryCommand(subscriptionId, deliveryId));

  /** Changes the mother's subscription as an earlier command would have. */
  const changeSubscription = async (change: (subscription: WebhookSubscription) => void) => {
    const subscription = (await fixture.subscriptions.findById(SUBSCRIPTION_ID))!;
    change(subscription);
    await fixture.subscriptions.save(subscription);
  };

  it('makes a failed delivery due now, with a new retry window', async () => {
    fixture.deliveries.given(failed);

    await retry();

    expect(fixture.deliveries.find(failed.id)).toMatchObject({
      status: 'pending',
      nextAttemptAt: fixture.clock.now(),
      retryingSince: fixture.clock.now(),
    });
  });

  it.each(['pending', 'delivered'] as const)(
    'refuses a %s delivery as a conflict, and leaves it as it is',
    async (status) => {
      const delivery = { ...failed, status };
      fixture.deliveries.given(delivery);

      await expect(retry()).rejects.toThrow(ConflictError);
      expect(fixture.deliveries.find(failed.id)).toEqual(delivery);
    },
  );

  it.each([
    ['a delivery that does not exist', failed, SUBSCRIPTION_ID, UNKNOWN_ID],
    [
      'a delivery of another subscription',
      { ...failed, subscriptionId: UNKNOWN_ID },
      SUBSCRIPTION_ID,
      failed.id,
    ],
  ])(
    'answers not found for %s, and retries nothing',
    async (_case, delivery, subscriptionId, deliveryId) => {
      fixture.deliveries.given(delivery);

      await expect(retry(subscriptionId, deliveryId)).rejects.toThrow(NotFoundError);
      expect(fixture.deliveries.find(failed.id)).toEqual(delivery);
    },
  );

  it('answers not found, naming the webhook, for an unknown subscription', async () => {
    fixture.deliveries.given({ ...failed, subscriptionId: UNKNOWN_ID });

    await expect(retry(UNKNOWN_ID)).rejects.toThrow(
      new NotFoundError(`WebhookSubscription ${UNKNOWN_ID} does not exist`),
    );
    expect(fixture.deliveries.find(failed.id)?.status).toBe('failed');
  });

  it('refuses a failed delivery of a removed subscription as a conflict naming it, and leaves it failed', async () => {
    fixture.deliveries.given(failed);
    await changeSubscription((subscription) => subscription.remove(fixture.clock.now()));

    const refusal = retry();
    await expect(refusal).rejects.toBeInstanceOf(AggregateDiscardedError);
    await expect(refusal).rejects.toThrow(`WebhookSubscription ${SUBSCRIPTION_ID} is discarded`);
    expect(fixture.deliveries.find(failed.id)).toEqual(failed);
  });

  it.each([
    ['removed', (subscription: WebhookSubscription) => subscription.remove(CREATED_AT)],
    [
      'disabled',
      (subscription: WebhookSubscription) => subscription.disable('requested', CREATED_AT),
    ],
  ])(
    'answers not found for an unknown delivery of a %s subscription too',
    async (_state, change) => {
      fixture.deliveries.given(failed);
      await changeSubscription(change);

      await expect(retry(SUBSCRIPTION_ID, UNKNOWN_ID)).rejects.toThrow(NotFoundError);
    },
  );

  it('refuses a failed delivery of a disabled subscription as a conflict until it is enabled again', async () => {
    fixture.deliveries.given(failed);
    await changeSubscription((subscription) =>
      subscription.disable('deliveries_failed', fixture.clock.now()),
    );

    const refusal = retry();
    await expect(refusal).rejects.toBeInstanceOf(ConflictError);
    await expect(refusal).rejects.toThrow(`WebhookSubscription ${SUBSCRIPTION_ID} is disabled`);
    expect(fixture.deliveries.find(failed.id)).toEqual(failed);

    await changeSubscription((subscription) =>
      subscription.change({ enabled: true }, fixture.clock.now()),
    );
    await retry();
    expect(fixture.deliveries.find(failed.id)?.status).toBe('pending');
  });
});
