import { AggregateDiscardedError, NotFoundError } from '@servertree/ddd';
import { eachWebhookCommand, SUBSCRIPTION_ID, UNKNOWN_ID } from '@servertree/webhooks/testing';
import { WebhookDisabled } from '../../../domain/events/webhook-disabled.event';
import { DisableWebhookCommand } from './disable-webhook.command';
import { DisableWebhookHandler } from './disable-webhook.handler';

describe('Disabling a webhook subscription whose deliveries all failed', () => {
  const { fixture, handler } = eachWebhookCommand(
    ({ subscriptions, clock }) => new DisableWebhookHandler(subscriptions, clock),
  );

  const disable = (id = SUBSCRIPTION_ID) =>
    handler.execute(new DisableWebhookCommand(id, 'deliveries_failed'));

  it('turns the subscription off as the next revision and records why', async () => {
    expect(await disable()).toEqual({ id: SUBSCRIPTION_ID, revision: 2 });

    expect((await fixture.subscriptions.findById(SUBSCRIPTION_ID))?.enabled).toBe(false);
    const [event] = fixture.subscriptions.savedEvents;
    expect(event).toBeInstanceOf(WebhookDisabled);
    expect(event.data).toEqual({ reason: 'deliveries_failed' });
  });

  it('disables whatever revision the subscription has reached: the delivery side holds none', async () => {
    const subscription = (await fixture.subscriptions.findById(SUBSCRIPTION_ID))!;
    subscription.change({ description: 'changed meanwhile' }, fixture.clock.now());
    await fixture.subscriptions.save(subscription);

    expect((await disable()).revision).toBe(3);
  });

  it('records nothing for a subscription already disabled', async () => {
    await disable();

    expect((await disable()).revision).toBe(2);
    expect(fixture.subscriptions.savedEvents).toHaveLength(1);
  });

  it('answers not found for an unknown subscription', async () => {
    await expect(disable(UNKNOWN_ID)).rejects.toThrow(NotFoundError);
  });

  it('refuses to disable a removed subscription', async () => {
    const subscription = (await fixture.subscriptions.findById(SUBSCRIPTION_ID))!;
    subscription.remove(fixture.clock.now());
    await fixture.subscriptions.save(subscription);

    await expect(disable()).rejects.toThrow(AggregateDiscardedError);
    expect(fixture.subscriptions.savedEvents).toHaveLength(1);
  });
});
