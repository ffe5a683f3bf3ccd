import { ConflictError, NotFoundError } from '@servertree/ddd';
import {
  eachWebhookCommand,
  UNKNOWN_ID,
  WebhookSubscriptionMother,
} from '@servertree/webhooks/testing';
import { RetryWebhookDeliveryCommand } from './retry-webhook-delivery.command';
import { RetryWebhookDeliveryHandler } from './retry-webhook-delivery.handler';

describe('Retrying a webhook delivery by hand', () => {
  const { fixture, handler } = eachWebhookCommand(
    ({ deliveries, clock }) => new RetryWebhookDeliveryHandler(deliveries, clock),
  );

  const failed = WebhookSubscriptionMother.delivery({ status: 'failed' });

  const retry = (subscriptionId = failed.subscriptionId, deliveryId = failed.id) =>
    handler.execute(new RetryWebhookDeliveryCommand(subscriptionId, deliveryId));

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
    ['a delivery that does not exist', failed.subscriptionId, UNKNOWN_ID],
    ['a delivery of another subscription', UNKNOWN_ID, failed.id],
  ])('answers not found for %s, and retries nothing', async (_case, subscriptionId, deliveryId) => {
    fixture.deliveries.given(failed);

    await expect(retry(subscriptionId, deliveryId)).rejects.toThrow(NotFoundError);
    expect(fixture.deliveries.find(failed.id)).toEqual(failed);
  });
});
