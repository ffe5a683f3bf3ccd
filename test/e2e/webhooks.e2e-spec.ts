import { Webhook } from 'standardwebhooks';
import { WebhookSubscriptionMother } from '@servertree/webhooks/testing';
import { feedPage, revisionsBySubject } from '../support/cloud-events';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { aServer, SERVERS } from '../support/servers';
import { startTestApp, TestApp, useTestApp } from '../support/test-app';
import { FAST_WEBHOOK_RETRIES, WEBHOOKS, WebhookReceiver } from '../support/webhook-receiver';

/** Subscribes `url` to the mother's event types (every server.server.* event). */
async function subscribe(t: TestApp, url: string) {
  const { body } = await t
    .http('admin')
    .post(WEBHOOKS)
    .send(WebhookSubscriptionMother.details({ url }))
    .expect(201);
  return body as { id: string; secret: string };
}

/** Registers a server and changes it `changes` times; its id. */
async function serverWithChanges(t: TestApp, changes: number): Promise<string> {
  const { body } = await t.http('editor').post(SERVERS).send(aServer()).expect(201);
  for (let index = 0; index < changes; index += 1) {
    await t
      .http('editor')
      .patch(`${SERVERS}/${body.id}`)
      .send({ ramMb: 1000 + index })
      .expect(200);
  }
  return body.id;
}

function expectInOrder(receiver: WebhookReceiver, subjects: string[], revisions: number): void {
  const bySubject = revisionsBySubject(receiver.delivered);
  for (const subject of subjects) {
    expect(bySubject.get(subject)).toEqual(Array.from({ length: revisions }, (_, i) => i + 1));
  }
}

describe('Webhooks (MariaDB, a real receiver on 127.0.0.1)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestApp({ env: FAST_WEBHOOK_RETRIES });
  });

  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterEach(async () => {
    await receiver.down();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows the secret once, records the subscription as events without it, and signs deliveries verifiably', async () => {
    const { id, secret } = await subscribe(t, receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const { body: read } = await t.http('admin').get(`${WEBHOOKS}/${id}`).expect(200);
    expect(read).toMatchObject({
      id,
      url: receiver.url,
      eventTypes: ['server.server.*'],
      enabled: true,
    });
    expect(JSON.stringify(read)).not.toContain(secret);
    const { body: list } = await t.http('admin').get(WEBHOOKS).expect(200);
    expect(JSON.stringify(list)).not.toContain(secret);
    const feed = await feedPage(t, 'server.webhook.*');
    expect(
      feed.items.map((e: { type: string; subject: string }) => [e.type, e.subject]),
    ).toContainEqual(['server.webhook.created', id]);
    expect(JSON.stringify(feed)).not.toContain(secret.slice(6));

    const serverId = await serverWithChanges(t, 1);
    await eventually(() =>
      expect(receiver.delivered.filter((r) => r.event.subject === serverId)).toHaveLength(2),
    );
    const verifier = new Webhook(secret);
    for (const { body, headers, event } of receiver.delivered) {
      expect(verifier.verify(body, headers)).toEqual(JSON.parse(body));
      expect(headers['webhook-id']).toBe(event.id);
      expect(headers['content-type']).toBe('application/json');
    }
    const { body: history } = await t.http('reader').get(`${SERVERS}/${serverId}/events`);
    expect(receiver.delivered.map((r) => JSON.parse(r.body))).toEqual(history.items);
    await t.http('admin').delete(`${WEBHOOKS}/${id}`).expect(204);
  });

  it('retries after 500s and timeouts, logs every attempt, and holds back only the failing aggregate', async () => {
    const { id } = await subscribe(t, receiver.url);
    const stuck = await serverWithChanges(t, 0);
    receiver.answer = ({ event }, attempt) =>
      event.subject !== stuck || attempt > 3
        ? { status: 200, body: 'x'.repeat(5000) }
        : attempt === 3
          ? { status: 200, delayMs: 1500 }
          : { status: 500, body: 'boom' };
    await t.http('editor').patch(`${SERVERS}/${stuck}`).send({ cpuCores: 8 }).expect(200);
    const others = await Promise.all([serverWithChanges(t, 2), serverWithChanges(t, 2)]);
    await eventually(() => expectInOrder(receiver, others, 3), 10_000);
    expect(revisionsBySubject(receiver.delivered).get(stuck)).toBeUndefined();
    await eventually(() => expectInOrder(receiver, [stuck], 2), 15_000);

    const { body: log } = await t
      .http('admin')
      .get(`${WEBHOOKS}/${id}/deliveries`)
      .query({ limit: '100' });
    const first = log.items.find(
      (d: { eventType: string; attempts: number }) =>
        d.eventType === 'server.server.registered' && d.attempts === 4,
    );
    expect(first).toMatchObject({ status: 'delivered', lastHttpStatus: 200, nextAttemptAt: null });
    expect(first.lastResponse).toHaveLength(1024);
    expect(log.items.every((d: { status: string }) => d.status === 'delivered')).toBe(true);
    const positions = log.items.map((d: { createdAt: string }) => d.createdAt);
    expect(positions).toEqual([...positions].sort().reverse());
    await t.http('admin').delete(`${WEBHOOKS}/${id}`).expect(204);
  }, 40_000);

  it('delivers everything, in order per aggregate, to a receiver that was down during the writes', async () => {
    const { id } = await subscribe(t, receiver.url);
    await receiver.down();
    const servers = await Promise.all(Array.from({ length: 6 }, () => serverWithChanges(t, 3)));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await receiver.up();
    await eventually(() => expectInOrder(receiver, servers, 4), 15_000);
    await t.http('admin').delete(`${WEBHOOKS}/${id}`).expect(204);
  }, 40_000);

  it('sends nothing to disabled or removed subscriptions, and resumes a re-enabled one with new events only', async () => {
    const disabled = await subscribe(t, receiver.url);
    const removed = await subscribe(t, `${receiver.url}?removed`);
    await t.http('admin').patch(`${WEBHOOKS}/${disabled.id}`).send({ enabled: false }).expect(200);
    await t.http('admin').delete(`${WEBHOOKS}/${removed.id}`).expect(204);
    const quiet = await serverWithChanges(t, 1);
    // "New" is in feed order: wait until the feed has positioned the quiet server's events, so
    // that they are behind the subscription's cursor when it is enabled again (ADR 16).
    await eventually(async () => {
      const { body: feed } = await t.http('admin').get('/api/v1/events').query({ limit: '1000' });
      expect(feed.items.filter((e: { subject: string }) => e.subject === quiet)).toHaveLength(2);
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received).toEqual([]);

    await t.http('admin').patch(`${WEBHOOKS}/${disabled.id}`).send({ enabled: true }).expect(200);
    const loud = await serverWithChanges(t, 0);
    await eventually(() => expect(receiver.delivered.map((r) => r.event.subject)).toEqual([loud]));
    expect(receiver.received.some((r) => r.event.subject === quiet)).toBe(false);
    const { body: history } = await t
      .http('admin')
      .get(`/api/v1/events`)
      .query({ type: 'server.webhook.#', limit: '1000' });
    const types = history.items
      .filter((e: { subject: string }) => e.subject === disabled.id)
      .map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'server.webhook.created',
      'server.webhook.disabled',
      'server.webhook.changed',
    ]);
    await t.http('admin').delete(`${WEBHOOKS}/${disabled.id}`).expect(204);
  });

  it('validates subscriptions: url, event types, unknown properties, role', async () => {
    const response = await t
      .http('admin')
      .post(WEBHOOKS)
      .send({ url: 'ftp://example.com/x', eventTypes: ['server..x', 'ok.*'] });
    expect(
      expectProblem(response, 400)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['eventTypes[0]', 'url']);
    expectProblem(
      await t.http('admin').post(WEBHOOKS).send({ url: receiver.url, eventTypes: [], secret: 'x' }),
      400,
    );
    await t.http('editor').get(WEBHOOKS).expect(403);
  });
});

describe('Retrying a failed webhook delivery by hand (MariaDB)', () => {
  // Deliveries fail within a second, and their subscriptions are disabled for it.
  const t = useTestApp({ env: { ...FAST_WEBHOOK_RETRIES, WEBHOOKS_GIVE_UP_AFTER_MS: '500' } });
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await receiver.down();
  });

  const log = async (subscriptionId: string) =>
    (await t.http('admin').get(`${WEBHOOKS}/${subscriptionId}/deliveries`).expect(200)).body
      .items as { id: string; eventId: string; status: string }[];
  const retry = (subscriptionId: string, deliveryId: string) =>
    t.http('admin').post(`${WEBHOOKS}/${subscriptionId}/deliveries/${deliveryId}/retry`);

  it('refuses it while the subscription is removed or disabled (409 naming it), and sends it once the subscription is enabled again', async () => {
    receiver.answer = () => ({ status: 500, body: 'down' });
    const disabled = await subscribe(t, receiver.url);
    const removed = await subscribe(t, `${receiver.url}?removed`);
    await serverWithChanges(t, 0);
    const failedDelivery = (subscriptionId: string) =>
      eventually(async () => {
        const deliveries = await log(subscriptionId);
        expect(deliveries).toMatchObject([{ status: 'failed' }]);
        const { body } = await t.http('admin').get(`${WEBHOOKS}/${subscriptionId}`).expect(200);
        expect(body.enabled).toBe(false);
        return deliveries[0];
      });
    const disabledDelivery = await failedDelivery(disabled.id);
    const removedDelivery = await failedDelivery(removed.id);
    await t.http('admin').delete(`${WEBHOOKS}/${removed.id}`).expect(204);
    receiver.answer = () => ({ status: 200 });

    // A removed subscription is still readable, and refuses every command (SPEC §2).
    const { body: removedRead } = await t.http('admin').get(`${WEBHOOKS}/${removed.id}`);
    expect(removedRead).toMatchObject({ discarded: true });
    expect(expectProblem(await retry(removed.id, removedDelivery.id), 409).detail).toBe(
      `WebhookSubscription ${removed.id} is discarded and accepts no further changes`,
    );
    expect(expectProblem(await retry(disabled.id, disabledDelivery.id), 409).detail).toMatch(
      new RegExp(`^WebhookSubscription ${disabled.id} is disabled`),
    );
    expect(await log(removed.id)).toMatchObject([{ id: removedDelivery.id, status: 'failed' }]);
    expect(await log(disabled.id)).toMatchObject([{ id: disabledDelivery.id, status: 'failed' }]);

    await t.http('admin').patch(`${WEBHOOKS}/${disabled.id}`).send({ enabled: true }).expect(200);
    await retry(disabled.id, disabledDelivery.id).expect(202);
    await eventually(async () =>
      expect(await log(disabled.id)).toMatchObject([
        { id: disabledDelivery.id, status: 'delivered' },
      ]),
    );
    expect(await log(removed.id)).toMatchObject([{ id: removedDelivery.id, status: 'failed' }]);
    expect(receiver.delivered.map(({ event }) => event.id)).toEqual([disabledDelivery.eventId]);
  });
});

describe('Webhook targets without WEBHOOKS_ALLOW_PRIVATE_TARGETS', () => {
  const t = useTestApp({ database: 'sqlite' });

  it.each([
    'http://127.0.0.1:8080/hooks',
    'http://localhost/hooks',
    'http://10.1.2.3/',
    'http://192.168.1.10/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
  ])('refuses %s with a 400 naming url', async (url) => {
    const response = await t
      .http('admin')
      .post(WEBHOOKS)
      .send(WebhookSubscriptionMother.details({ url }));
    expect(expectProblem(response, 400).errors).toEqual([
      { field: 'url', message: expect.stringMatching(/private, loopback or link-local/) },
    ]);
  });
});
