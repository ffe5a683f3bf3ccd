import {
  AggregateDiscardedError,
  InvalidInputError,
  NotFoundError,
  RevisionMismatchError,
} from '@servertree/ddd';
import {
  eachWebhookCommand,
  SUBSCRIPTION_ID,
  UNKNOWN_ID,
  WebhookCommandFixture,
} from '@servertree/webhooks/testing';
import { WebhookChanged } from '../../../domain/events/webhook-changed.event';
import { WebhookDisabled } from '../../../domain/events/webhook-disabled.event';
import { SubscriptionDetails } from '../../../domain/webhook-subscription.aggregate';
import { ChangeWebhookCommand } from './change-webhook.command';
import { ChangeWebhookHandler } from './change-webhook.handler';

const build = ({ subscriptions, targets, clock }: WebhookCommandFixture) =>
  new ChangeWebhookHandler(subscriptions, targets, clock);

const change = (changes: Partial<SubscriptionDetails>, expectedRevision?: number) =>
  new ChangeWebhookCommand(SUBSCRIPTION_ID, changes, expectedRevision);

describe('Changing a webhook subscription', () => {
  const { fixture, handler } = eachWebhookCommand(build);

  const stored = async () => (await fixture.subscriptions.findById(SUBSCRIPTION_ID))!.snapshot();

  it('applies the change as the next revision and records the subscription before and after', async () => {
    const acknowledgement = await handler.execute(
      change({ url: 'https://hooks.example.com/v2', description: 'audit' }),
    );

    expect(acknowledgement).toEqual({ id: SUBSCRIPTION_ID, revision: 2 });
    expect(await stored()).toMatchObject({
      url: 'https://hooks.example.com/v2',
      description: 'audit',
      eventTypes: ['server.server.*'],
      updatedAt: fixture.clock.now().toISOString(),
    });
    const [event] = fixture.subscriptions.savedEvents;
    expect(event).toBeInstanceOf(WebhookChanged);
    expect(event.data).toMatchObject({
      before: { url: 'https://hooks.example.com/servertree', description: null },
      after: { url: 'https://hooks.example.com/v2', description: 'audit' },
    });
  });

  it('records turning only enabled off as disabled on request', async () => {
    await handler.execute(change({ enabled: false }));

    expect((await stored()).enabled).toBe(false);
    const [event] = fixture.subscriptions.savedEvents;
    expect(event).toBeInstanceOf(WebhookDisabled);
    expect(event.data).toEqual({ reason: 'requested' });
  });

  it('keeps the revision and records nothing when nothing changes', async () => {
    const acknowledgement = await handler.execute(
      change({ eventTypes: ['server.server.*', 'server.server.*'], enabled: true }),
    );

    expect(acknowledgement.revision).toBe(1);
    expect(fixture.subscriptions.savedEvents).toEqual([]);
  });

  it('applies a change conditional on the current revision', async () => {
    expect((await handler.execute(change({ description: 'ci' }, 1))).revision).toBe(2);
  });

  describe('refuses, and changes nothing,', () => {
    it.each([
      [
        'a URL whose host is private',
        () => change({ url: 'http://192.168.1.10/hooks' }),
        InvalidInputError,
      ],
      ['an invalid pattern', () => change({ eventTypes: ['server.*.'] }), InvalidInputError],
      [
        'a change conditional on another revision',
        () => change({ description: 'x' }, 2),
        RevisionMismatchError,
      ],
      [
        'a subscription that does not exist',
        () => new ChangeWebhookCommand(UNKNOWN_ID, { description: 'x' }),
        NotFoundError,
      ],
    ])('%s', async (_case, command, refusal) => {
      const before = await stored();

      await expect(handler.execute(command())).rejects.toThrow(refusal);

      expect(await stored()).toEqual(before);
      expect(fixture.subscriptions.savedEvents).toEqual([]);
    });

    it('a removed subscription', async () => {
      const subscription = (await fixture.subscriptions.findById(SUBSCRIPTION_ID))!;
      subscription.remove(fixture.clock.now());
      await fixture.subscriptions.save(subscription);

      await expect(handler.execute(change({ description: 'x' }))).rejects.toThrow(
        AggregateDiscardedError,
      );
      expect((await stored()).revision).toBe(2);
    });
  });
});

describe('Changing a subscription whose target is refused now (private targets were allowed)', () => {
  const { fixture, handler } = eachWebhookCommand(build, { url: 'http://10.0.0.7/hooks' });

  it('lets the other fields change without asking about the target again', async () => {
    expect((await handler.execute(change({ description: 'kept' }))).revision).toBe(2);
  });

  it('refuses a change that sends the URL again, naming url', async () => {
    await expect(handler.execute(change({ url: 'http://10.0.0.7/hooks' }))).rejects.toMatchObject({
      violations: [{ field: 'url' }],
    });
    expect(fixture.subscriptions.savedEvents).toEqual([]);
  });
});
