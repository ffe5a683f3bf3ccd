import { AggregateDiscardedError, NotFoundError, RevisionMismatchError } from '@servertree/ddd';
import {
  eachWebhookCommand,
  SUBSCRIPTION_ID,
  UNKNOWN_ID,
  WebhookSubscriptionMother,
} from '@servertree/webhooks/testing';
import { WebhookRemoved } from '../../../domain/events/webhook-removed.event';
import { RemoveWebhookCommand } from './remove-webhook.command';
import { RemoveWebhookHandler } from './remove-webhook.handler';

describe('Removing a webhook subscription', () => {
  const { fixture, handler } = eachWebhookCommand(
    ({ subscriptions, clock }) => new RemoveWebhookHandler(subscriptions, clock),
  );

  const remove = (id = SUBSCRIPTION_ID, expectedRevision?: number) =>
    handler.execute(new RemoveWebhookCommand(id, expectedRevision));

  it('keeps the subscription, marked removed, as the next revision and records the removal', async () => {
    expect(await remove()).toEqual({ id: SUBSCRIPTION_ID, revision: 2 });

    expect((await fixture.subscriptions.findById(SUBSCRIPTION_ID))?.discarded).toBe(true);
    expect(fixture.subscriptions.savedEvents).toEqual([expect.any(WebhookRemoved)]);
  });

  it('drops its pending deliveries and keeps the delivered and failed ones in its log', async () => {
    const deliveries = (['pending', 'delivered', 'failed'] as const).map((status, index) =>
      WebhookSubscriptionMother.delivery({ id: `delivery-${index}`, status }),
    );
    const otherSubscriptions = WebhookSubscriptionMother.delivery({
      id: 'delivery-of-another',
      subscriptionId: UNKNOWN_ID,
      status: 'pending',
    });
    fixture.deliveries.given(...deliveries, otherSubscriptions);

    await remove();

    const kept = (id: string) => fixture.deliveries.find(id)?.status;
    expect(['delivery-0', 'delivery-1', 'delivery-2', 'delivery-of-another'].map(kept)).toEqual([
      undefined,
      'delivered',
      'failed',
      'pending',
    ]);
  });

  it('applies a removal conditional on the current revision', async () => {
    expect((await remove(SUBSCRIPTION_ID, 1)).revision).toBe(2);
  });

  it('refuses a removal conditional on another revision, and removes nothing', async () => {
    await expect(remove(SUBSCRIPTION_ID, 4)).rejects.toThrow(RevisionMismatchError);

    expect((await fixture.subscriptions.findById(SUBSCRIPTION_ID))?.discarded).toBe(false);
    expect(fixture.subscriptions.savedEvents).toEqual([]);
  });

  it('refuses to remove a subscription twice', async () => {
    await remove();

    await expect(remove()).rejects.toThrow(AggregateDiscardedError);
    expect(fixture.subscriptions.savedEvents).toHaveLength(1);
  });

  it('answers not found for an unknown subscription', async () => {
    await expect(remove(UNKNOWN_ID)).rejects.toThrow(NotFoundError);
  });
});
