import { WebhookSubscriptionMother } from '@servertree/webhooks/testing';
import { feedPage } from '../support/cloud-events';
import { eventually } from '../support/eventually';
import { createTestDatabase } from '../support/mariadb';
import { expectProblem } from '../support/problem';
import { aServer, SERVERS } from '../support/servers';
import { startTestApp, TestApp } from '../support/test-app';
import { FAST_WEBHOOK_RETRIES, WEBHOOKS, WebhookReceiver } from '../support/webhook-receiver';

const ENV = {
  ...FAST_WEBHOOK_RETRIES,
  WEBHOOKS_TIMEOUT_MS: '2000',
  WEBHOOKS_RETRY_MAX_MS: '300',
  // A key shared by both instances: either must open the secret the other sealed.
  CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/** Subscribes the receiver to `eventTypes` through `app`, answering the subscription. */
async function subscribe(
  app: TestApp,
  receiver: WebhookReceiver,
  eventTypes: string[],
): Promise<{ id: string }> {
  const { body } = await app
    .http('admin')
    .post(WEBHOOKS)
    .send(WebhookSubscriptionMother.details({ url: receiver.url, eventTypes }))
    .expect(201);
  return body;
}

describe('Webhooks with two instances, a restart and a receiver that never answers well', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    first = await startTestApp({ env: { ...ENV, WEBHOOKS_GIVE_UP_AFTER_MS: '1500' } });
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await receiver?.down();
  });

  it('never sends one delivery twice at once across instances, and a restart in the middle loses nothing', async () => {
    const databaseUrl = (first.dataSource.options as { url: string }).url;
    second = await startTestApp({ env: ENV, databaseUrl: () => databaseUrl });
    // Slow answers keep deliveries in flight long enough for the instances to compete.
    receiver.answer = () => ({ status: 200, delayMs: 30 });
    const subscription = await subscribe(first, receiver, [
      'server.server.registered',
      'server.server.modified',
    ]);
    const ids: string[] = [];
    for (let round = 0; round < 8; round += 1) {
      const app = round % 2 === 0 ? first : second;
      const created = await Promise.all(
        Array.from({ length: 5 }, () =>
          app.http('editor').post(SERVERS).send(aServer()).expect(201),
        ),
      );
      ids.push(...created.map((response) => response.body.id));
      await Promise.all(
        created.map((response) =>
          app
            .http('editor')
            .patch(`${SERVERS}/${response.body.id}`)
            .send({ ramMb: 2048 })
            .expect(200),
        ),
      );
      if (round === 3) {
        // One instance goes away mid-stream and comes back on the same database.
        await second.close();
        second = await startTestApp({ env: ENV, databaseUrl: () => databaseUrl });
      }
    }
    await eventually(
      () => {
        const delivered = new Set(receiver.delivered.map((entry) => entry.headers['webhook-id']));
        expect(delivered.size).toBe(ids.length * 2);
      },
      30_000,
      200,
    );
    expect(receiver.overlapping).toEqual([]);
    const seen = new Set<string>();
    for (const { event } of receiver.delivered) {
      if (seen.has(event.subject)) expect(event.aggregaterevision).toBe(2);
      else expect(event.aggregaterevision).toBe(1);
      seen.add(event.subject);
    }
    await first.http('admin').delete(`${WEBHOOKS}/${subscription.id}`).expect(204);
    await second.close();
    second = undefined;
  }, 90_000);

  it('lets a stopping instance finish and record the attempt in flight, so it is not sent again', async () => {
    const database = await createTestDatabase('e2e');
    const onDatabase = () => database.url;
    try {
      const stopping = await startTestApp({ env: ENV, databaseUrl: onDatabase });
      const subscription = await subscribe(stopping, receiver, ['server.server.registered']);
      let arrived: () => void;
      const inFlight = new Promise<void>((resolve) => (arrived = resolve));
      // Answered well within the timeout, but only after the instance was told to stop.
      receiver.answer = () => {
        arrived();
        return { status: 200, delayMs: 1000 };
      };
      const { body: server } = await stopping
        .http('editor')
        .post(SERVERS)
        .send(aServer())
        .expect(201);
      await inFlight;
      await stopping.close();
      expect(
        receiver.delivered
          .filter(({ event }) => event.subject === server.id)
          .map(({ event }) => event.type),
      ).toEqual(['server.server.registered']);

      const restarted = await startTestApp({ env: ENV, databaseUrl: onDatabase });
      try {
        const { body: log } = await restarted
          .http('admin')
          .get(`${WEBHOOKS}/${subscription.id}/deliveries`)
          .expect(200);
        expect(log.items).toEqual([
          expect.objectContaining({ status: 'delivered', attempts: 1, lastHttpStatus: 200 }),
        ]);
      } finally {
        await restarted.close();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);

  it('fails a delivery after the retry window, disables a subscription that got nothing, and retries by hand', async () => {
    receiver.answer = () => ({ status: 503, body: 'down for maintenance' });
    const subscription = await subscribe(first, receiver, ['server.server.registered']);
    await first.http('editor').post(SERVERS).send(aServer()).expect(201);
    const log = async () =>
      (await first.http('admin').get(`${WEBHOOKS}/${subscription.id}/deliveries`).expect(200)).body;
    const failed = await eventually(async () => {
      const { items } = await log();
      expect(items[0]).toMatchObject({
        status: 'failed',
        lastHttpStatus: 503,
        lastResponse: 'down for maintenance',
        nextAttemptAt: null,
      });
      expect(items[0].attempts).toBeGreaterThan(2);
      return items[0];
    }, 10_000);
    await eventually(async () => {
      const { body } = await first.http('admin').get(`${WEBHOOKS}/${subscription.id}`).expect(200);
      expect(body.enabled).toBe(false);
    });
    const feed = await feedPage(first, 'server.webhook.disabled');
    expect(
      feed.items.map((e: { subject: string; data: object }) => [e.subject, e.data]),
    ).toContainEqual([subscription.id, { reason: 'deliveries_failed' }]);

    expectProblem(
      await first
        .http('admin')
        .post(`${WEBHOOKS}/${subscription.id}/deliveries/${subscription.id}/retry`),
      404,
    );
    receiver.answer = () => ({ status: 200 });
    await first
      .http('admin')
      .patch(`${WEBHOOKS}/${subscription.id}`)
      .send({ enabled: true })
      .expect(200);
    await first
      .http('admin')
      .post(`${WEBHOOKS}/${subscription.id}/deliveries/${failed.id}/retry`)
      .expect(202);
    await eventually(async () => {
      const { items } = await log();
      expect(items[0]).toMatchObject({ id: failed.id, status: 'delivered', lastHttpStatus: 200 });
    });
    expectProblem(
      await first
        .http('admin')
        .post(`${WEBHOOKS}/${subscription.id}/deliveries/${failed.id}/retry`),
      409,
    );
  }, 40_000);
});
