import { InvalidInputError } from '@servertree/ddd';
import { jsonOf } from '@servertree/ddd/testing';
import { eachWebhookCommand, WebhookSubscriptionMother } from '@servertree/webhooks/testing';
import { WebhookCreated } from '../../../domain/events/webhook-created.event';
import { CreateWebhookCommand } from './create-webhook.command';
import { CreateWebhookHandler } from './create-webhook.handler';

describe('Creating a webhook subscription', () => {
  const { fixture, handler } = eachWebhookCommand(
    ({ subscriptions, targets, secrets, clock }) =>
      new CreateWebhookHandler(subscriptions, targets, secrets, clock),
  );

  const create = (overrides = {}) =>
    handler.execute(new CreateWebhookCommand(WebhookSubscriptionMother.details(overrides)));

  it('stores the subscription enabled at revision 1, patterns sorted, and records its creation', async () => {
    const { id, revision } = await create({ eventTypes: ['server.server.*', 'server.#'] });

    expect(revision).toBe(1);
    expect((await fixture.subscriptions.findById(id))?.snapshot()).toMatchObject({
      url: 'https://hooks.example.com/servertree',
      eventTypes: ['server.#', 'server.server.*'],
      description: null,
      enabled: true,
      createdAt: fixture.clock.now().toISOString(),
    });
    const [event] = fixture.subscriptions.savedEvents;
    expect(event).toBeInstanceOf(WebhookCreated);
    expect(event).toMatchObject({ aggregateId: id, revision: 1 });
  });

  it('answers the secret in clear, and stores, records and shows it nowhere else in clear', async () => {
    const { id, secret } = await create();

    const stored = (await fixture.subscriptions.findById(id))!;
    expect(fixture.secrets.open(stored.secret)).toBe(secret);
    expect(stored.secret.ciphertext).not.toContain(secret);
    const elsewhere = JSON.stringify([
      stored.snapshot(),
      jsonOf(fixture.subscriptions.savedEvents),
    ]);
    expect(elsewhere).not.toContain(secret);
    expect(elsewhere).not.toContain(stored.secret.ciphertext);
  });

  it('gives every subscription an id and a secret of its own', async () => {
    const first = await create();
    const second = await create();
    expect(second.id).not.toBe(first.id);
    expect(second.secret).not.toBe(first.secret);
  });

  it.each([
    ['a URL that is not http(s)', { url: 'ftp://hooks.example.com/x' }, ['url']],
    ['a URL carrying credentials', { url: 'https://user:pass@hooks.example.com/' }, ['url']],
    ['no event type', { eventTypes: [] }, ['eventTypes']],
    ['a malformed pattern', { eventTypes: ['server.#', 'server..x'] }, ['eventTypes[1]']],
    ['a private target', { url: 'http://10.1.2.3/hooks' }, ['url']],
    ['a loopback target', { url: 'http://[::1]:8080/hooks' }, ['url']],
    ['the cloud metadata address', { url: 'http://169.254.169.254/latest' }, ['url']],
  ])('refuses %s, naming the field, and stores nothing', async (_case, overrides, fields) => {
    const refusal = create(overrides);

    await expect(refusal).rejects.toThrow(InvalidInputError);
    await expect(refusal).rejects.toMatchObject({ violations: fields.map((field) => ({ field })) });
    expect(fixture.subscriptions.savedEvents).toEqual([]);
  });
});
