import { AggregateDiscardedError, InvalidInputError } from '@servertree/ddd';
import { WebhookChanged } from './events/webhook-changed.event';
import { WebhookCreated } from './events/webhook-created.event';
import { WebhookDisabled } from './events/webhook-disabled.event';
import { WebhookRemoved } from './events/webhook-removed.event';
import { WebhookSubscription } from './webhook-subscription.aggregate';

const AT = new Date('2026-12-01T12:00:00Z');
const SECRET = { keyId: '0123456789abcdef', ciphertext: 'sealed' };

function aSubscription(): WebhookSubscription {
  const subscription = WebhookSubscription.create(
    '01a2332e-6b64-73dd-93ee-bcfcf9cf807b',
    { url: 'https://hooks.example.com/x', eventTypes: ['server.server.*', 'server.#'] },
    SECRET,
    AT,
  );
  subscription.pullEvents();
  return subscription;
}

describe('A webhook subscription', () => {
  it('is created enabled, with sorted patterns, recording created without the secret', () => {
    const subscription = WebhookSubscription.create(
      '01a2332e-6b64-73dd-93ee-bcfcf9cf807b',
      { url: 'https://hooks.example.com/x', eventTypes: ['server.server.*', 'server.#'] },
      SECRET,
      AT,
    );
    const [event] = subscription.pullEvents();
    expect(event).toBeInstanceOf(WebhookCreated);
    expect(event.data).toEqual({
      url: 'https://hooks.example.com/x',
      eventTypes: ['server.#', 'server.server.*'],
      description: null,
      enabled: true,
    });
    expect(JSON.stringify(event)).not.toContain('sealed');
  });

  it('refuses a non-http URL, a URL with credentials and malformed patterns, naming each field', () => {
    const violations = (details: object) => {
      try {
        WebhookSubscription.create('id', details as never, SECRET, AT);
      } catch (error) {
        return (error as InvalidInputError).violations.map((v) => v.field);
      }
      return [];
    };
    expect(violations({ url: 'ftp://x.example', eventTypes: ['a..b'] })).toEqual([
      'url',
      'eventTypes[0]',
    ]);
    expect(violations({ url: 'https://u:p@x.example', eventTypes: [] })).toEqual([
      'url',
      'eventTypes',
    ]);
  });

  it('records disabled when only enabled goes off, changed for anything else, nothing for no change', () => {
    const subscription = aSubscription();
    subscription.change({ enabled: false }, AT);
    expect(subscription.pullEvents()).toEqual([expect.any(WebhookDisabled)]);
    subscription.change({ enabled: false, eventTypes: ['server.#', 'server.server.*'] }, AT);
    expect(subscription.pullEvents()).toEqual([]);
    subscription.change({ enabled: true, description: 'ci' }, AT);
    const [changed] = subscription.pullEvents();
    expect(changed).toBeInstanceOf(WebhookChanged);
    expect(subscription.revision).toBe(3);
  });

  it('once removed, refuses every change', () => {
    const subscription = aSubscription();
    subscription.remove(AT);
    expect(subscription.pullEvents()).toEqual([expect.any(WebhookRemoved)]);
    expect(() => subscription.change({ description: 'x' }, AT)).toThrow(AggregateDiscardedError);
    expect(() => subscription.disable('deliveries_failed', AT)).toThrow(AggregateDiscardedError);
  });
});
