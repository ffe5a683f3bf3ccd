import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { useTestAppOnBroker } from '../support/test-app';

const BASE = '/api/v1/applications';
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Domain events on RabbitMQ (MariaDB + RabbitMQ)', () => {
  const { t, queue } = useTestAppOnBroker('events_publishing');

  /** Registers an application and waits until its registration has been published. */
  async function registered(name: string): Promise<string> {
    const { body } = await t
      .http('editor')
      .post(BASE)
      .send({ name, version: '1.0', architecture: 'arm64' })
      .expect(201);
    await queue.until((messages) => messages.some((m) => m.event.subject === body.id));
    return body.id;
  }

  function messagesAbout(id: string) {
    return queue.messages.filter((message) => message.event.subject === id);
  }

  it('publishes every change to the topic exchange as a persistent CloudEvent, in revision order', async () => {
    const created = await t
      .http('editor', 'alice')
      .post(BASE)
      .set('X-Request-ID', 'req-events-1')
      .send({ name: 'nginx', version: '1.27.3', architecture: 'x86_64' })
      .expect(201);
    const id: string = created.body.id;
    await t
      .http('editor', 'bob')
      .patch(`${BASE}/${id}`)
      .set('X-Request-ID', 'req-events-2')
      .send({ version: '1.27.4' })
      .expect(200);
    await t
      .http('editor', 'carol')
      .delete(`${BASE}/${id}`)
      .set('X-Request-ID', 'req-events-3')
      .expect(204);

    await queue.until(() => messagesAbout(id).length === 3);
    const messages = messagesAbout(id);

    expect(messages.map((m) => m.routingKey)).toEqual([
      'server.application.registered',
      'server.application.modified',
      'server.application.discarded',
    ]);
    for (const { event, properties } of messages) {
      expect(properties).toMatchObject({
        contentType: 'application/cloudevents+json',
        messageId: event.id,
        deliveryMode: 2,
        headers: expect.objectContaining({ traceparent: event.traceparent }),
      });
    }
    const common = {
      specversion: '1.0',
      id: expect.stringMatching(UUID_V7),
      source: '/servertree',
      subject: id,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      datacontenttype: 'application/json',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    };
    expect(messages.map((m) => m.event)).toEqual([
      {
        ...common,
        type: 'server.application.registered',
        aggregaterevision: 1,
        correlationid: 'req-events-1',
        actor: 'alice',
        data: created.body,
      },
      {
        ...common,
        type: 'server.application.modified',
        aggregaterevision: 2,
        correlationid: 'req-events-2',
        actor: 'bob',
        data: { changes: { version: { from: '1.27.3', to: '1.27.4' } } },
      },
      {
        ...common,
        type: 'server.application.discarded',
        aggregaterevision: 3,
        correlationid: 'req-events-3',
        actor: 'carol',
        data: {},
      },
    ]);
    expect(messages[0].event.time).toBe(created.body.createdAt);

    // Rows are marked once the broker has confirmed, which may be after the queue got them.
    await eventually(async () => {
      const rows: { published_at: Date | null }[] = await t.dataSource.query(
        'SELECT published_at FROM outbox WHERE aggregate_id = ?',
        [id],
      );
      expect(rows.map((row) => row.published_at)).toEqual([
        expect.any(Date),
        expect.any(Date),
        expect.any(Date),
      ]);
    });
  });

  it('publishes nothing, and stores nothing, for commands that fail', async () => {
    const id = await registered('redis');
    const storedBefore = await t.dataSource.query('SELECT COUNT(*) AS n FROM outbox');
    const publishedBefore = queue.messages.length;

    const failures = [
      t.http('editor').post(BASE).send({ name: 'REDIS', version: '1.0', architecture: 'arm64' }),
      t.http('editor').post(BASE).send({ name: '', version: '1.0', architecture: 'arm64' }),
      t.http('editor').patch(`${BASE}/${id}`).set('If-Match', '"7"').send({ version: '2' }),
      t.http('editor').patch(`${BASE}/0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b`).send({ version: '2' }),
      t.http('editor').patch(`${BASE}/${id}`).send({ version: '1.0' }), // no change, no event
    ];
    const statuses = [];
    for (const failure of failures) statuses.push((await failure).status);
    expect(statuses).toEqual([409, 400, 412, 404, 200]);

    // A later change is published after anything the failures could have published.
    await t.http('editor').delete(`${BASE}/${id}`).expect(204);
    await queue.until((messages) =>
      messages.some(
        (m) => m.event.subject === id && m.event.type === 'server.application.discarded',
      ),
    );
    expect(queue.messages.slice(publishedBefore).map((m) => m.routingKey)).toEqual([
      'server.application.discarded',
    ]);
    const storedAfter = await t.dataSource.query('SELECT COUNT(*) AS n FROM outbox');
    expect(Number(storedAfter[0].n)).toBe(Number(storedBefore[0].n) + 1);
  });

  describe('GET /applications/{id}/events', () => {
    it('answers the stored events exactly as published, oldest first', async () => {
      const id = await registered('postgres');
      await t.http('editor').patch(`${BASE}/${id}`).send({ version: '2.0' }).expect(200);
      await t.http('editor').patch(`${BASE}/${id}`).send({ architecture: 'x86_64' }).expect(200);
      await queue.until(() => messagesAbout(id).length === 3);

      const history = await t.http('reader').get(`${BASE}/${id}/events`).expect(200);

      expect(history.body).toEqual({
        total: 3,
        limit: 25,
        offset: 0,
        items: messagesAbout(id).map((m) => m.event),
        next: null,
        previous: null,
      });
    });

    it('pages like a list', async () => {
      const id = await registered('mysql');
      await t.http('editor').patch(`${BASE}/${id}`).send({ version: '2.0' }).expect(200);
      await t.http('editor').patch(`${BASE}/${id}`).send({ version: '3.0' }).expect(200);

      const first = await t.http('reader').get(`${BASE}/${id}/events?limit=2`).expect(200);
      expect(
        first.body.items.map((e: { aggregaterevision: number }) => e.aggregaterevision),
      ).toEqual([1, 2]);
      expect(first.body).toMatchObject({
        total: 3,
        next: `${BASE}/${id}/events?limit=2&offset=2`,
        previous: null,
      });

      const second = await t.http('reader').get(first.body.next).expect(200);
      expect(
        second.body.items.map((e: { aggregaterevision: number }) => e.aggregaterevision),
      ).toEqual([3]);
      expect(second.body).toMatchObject({
        next: null,
        previous: `${BASE}/${id}/events?limit=2&offset=0`,
      });
    });

    it('is 404 for an id that is not an application, 400 for bad paging', async () => {
      expectProblem(
        await t.http('reader').get(`${BASE}/0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b/events`),
        404,
      );
      const id = await registered('mongodb');
      const invalid = expectProblem(
        await t.http('reader').get(`${BASE}/${id}/events?limit=0&type=x`),
        400,
      );
      expect(invalid.errors?.map((error) => error.field).sort()).toEqual(['limit', 'type']);
      expectProblem(await t.http('anonymous').get(`${BASE}/${id}/events`), 401);
    });
  });

  it('reports the broker in readiness', async () => {
    const ready = await t.http('anonymous').get('/health/ready').expect(200);
    expect(ready.body.details.broker).toEqual({ status: 'up', transport: 'RabbitMQ' });
  });
});
