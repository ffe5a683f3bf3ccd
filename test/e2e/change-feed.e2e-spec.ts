import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { aServer, APPLICATIONS, SERVERS } from '../support/servers';
import { useTestApp } from '../support/test-app';

const FEED = '/api/v1/events';

interface FeedItem {
  id: string;
  type: string;
  subject: string;
  aggregaterevision: number;
  sequence: number;
}

describe('Change feed GET /events (MariaDB)', () => {
  const t = useTestApp();

  /** Reads from `after` until an answer is empty; every item and the last cursor. */
  async function readAll(after?: string, query: Record<string, string> = {}) {
    const items: FeedItem[] = [];
    let cursor = after;
    for (;;) {
      const { body } = await t
        .http('reader')
        .get(FEED)
        .query({ limit: '100', ...query, ...(cursor ? { after: cursor } : {}) })
        .expect(200);
      items.push(...body.items);
      cursor = body.next;
      if (body.items.length === 0) return { items, cursor: cursor as string };
    }
  }

  async function head(): Promise<string> {
    return (await readAll()).cursor;
  }

  it('sees every stored event exactly once, in revision order per aggregate, while 8 writers commit out of id order', async () => {
    const databaseUrl = (t.dataSource.options as { url: string }).url;
    const seen: FeedItem[] = [];
    let cursor: string | undefined;
    let writing = true;
    const reader = (async () => {
      // Keeps following `next` while writers run, then once more after they are done.
      for (let lastRound = false; ;) {
        const { body } = await t
          .http('reader')
          .get(FEED)
          .query({ limit: '37', wait: '1', ...(cursor ? { after: cursor } : {}) })
          .expect(200);
        seen.push(...body.items);
        cursor = body.next;
        if (body.items.length === 0 && lastRound) return;
        if (!writing) lastRound = body.items.length === 0 ? true : lastRound;
      }
    })();

    // Transactions held open while later-numbered ones commit: the case an id cursor loses.
    const held = async (holdMs: number) => {
      const connection = await createConnection(databaseUrl);
      try {
        await connection.beginTransaction();
        await connection.query(
          `INSERT INTO outbox (id, type, aggregate_type, aggregate_id, aggregate_revision,
             occurred_at, correlation_id, actor, data) VALUES (?, 'server.application.registered',
             'application', ?, 1, NOW(3), 'held', 'test', '{}')`,
          [uuidv7(), uuidv7()],
        );
        await delay(holdMs);
        await connection.commit();
      } finally {
        await connection.end();
      }
    };
    const writer = async () => {
      for (let round = 0; round < 6; round += 1) {
        const { body } = await t.http('editor').post(SERVERS).send(aServer()).expect(201);
        await t.http('editor').put(`${SERVERS}/${body.id}/status`).send({ status: 'running' });
        await t
          .http('editor')
          .patch(`${SERVERS}/${body.id}`)
          .send({ ramMb: 1024 + round });
        await t
          .http('editor')
          .post(APPLICATIONS)
          .send({ name: `app-${randomUUID()}`, version: '1', architecture: 'arm64' })
          .expect(201);
      }
    };
    await Promise.all([
      ...Array.from({ length: 8 }, () => writer()),
      ...[2500, 1200, 300, 1800, 50].map((holdMs) => held(holdMs)),
    ]);
    writing = false;
    await reader;

    const stored: { id: string }[] = await t.dataSource.query('SELECT id FROM outbox');
    // The scenario happened: some event with a lower id number became visible after a higher one.
    const [overtaken] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM outbox a JOIN outbox b
         ON a.sequence < b.sequence AND a.feed_position > b.feed_position`,
    );
    expect(Number(overtaken.n)).toBeGreaterThan(0);
    const ids = seen.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(stored.map((row) => row.id)));
    expect(seen.filter((item) => item.type === 'server.application.registered').length).toBe(53);
    const sequences = seen.map((item) => item.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    const revisions = new Map<string, number>();
    for (const item of seen) {
      expect(item.aggregaterevision).toBe((revisions.get(item.subject) ?? 0) + 1);
      revisions.set(item.subject, item.aggregaterevision);
    }
  }, 120_000);

  it('shows each event exactly as the aggregate history does, plus its sequence', async () => {
    const after = await head();
    const { body: server } = await t.http('editor').post(SERVERS).send(aServer()).expect(201);
    await t.http('editor').patch(`${SERVERS}/${server.id}`).send({ cpuCores: 2 }).expect(200);
    const { body: history } = await t.http('reader').get(`${SERVERS}/${server.id}/events`);
    const { body } = await t.http('reader').get(FEED).query({ after, wait: '5' }).expect(200);
    const items = body.items.length === 2 ? body.items : (await readAll(after)).items;
    expect(items.map(({ sequence: _sequence, ...event }: FeedItem) => event)).toEqual(
      history.items,
    );
  });

  it('filters with topic wildcards and still moves the cursor past what it skipped', async () => {
    const after = await head();
    const { body: server } = await t.http('editor').post(SERVERS).send(aServer()).expect(201);
    await t
      .http('editor')
      .post(APPLICATIONS)
      .send({ name: `app-${randomUUID()}`, version: '1', architecture: 'arm64' })
      .expect(201);
    await t.http('editor').delete(`${SERVERS}/${server.id}`).expect(204);
    // Positions are given just after commit (a sequencer round): wait until all three are in.
    await eventually(async () => expect((await readAll(after)).items).toHaveLength(3));
    const servers = await readAll(after, { type: 'server.server.*' });
    expect(servers.items.map((item) => item.type)).toEqual([
      'server.server.registered',
      'server.server.discarded',
    ]);
    const all = await readAll(after, { type: 'server.#' });
    expect(all.items).toHaveLength(3);
    const none = await readAll(after, { type: 'server.nothing.#' });
    expect(none.items).toHaveLength(0);
    expect(none.cursor).toBe(all.cursor);
  });

  it('holds an empty answer open with wait and wakes within 1 s of a commit', async () => {
    const after = await head();
    const answer = t.http('reader').get(FEED).query({ after, wait: '10' });
    const started = Date.now();
    const pending = answer.then((response) => ({ response, at: Date.now() }));
    await delay(1500);
    await t.http('editor').post(SERVERS).send(aServer()).expect(201);
    const committedAt = Date.now();
    const { response, at } = await pending;
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: FeedItem) => item.type)).toEqual([
      'server.server.registered',
    ]);
    expect(committedAt - started).toBeGreaterThanOrEqual(1500);
    expect(at - committedAt).toBeLessThan(1000);
  });

  it('answers an empty page with the same cursor when wait runs out', async () => {
    const after = await head();
    const started = Date.now();
    const { body } = await t.http('reader').get(FEED).query({ after, wait: '1' }).expect(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(body).toEqual({ items: [], next: after });
  });

  it.each([
    ['garbage!', 'after'],
    [Buffer.from('f1:abc').toString('base64url'), 'after'],
    [Buffer.from('f2:1').toString('base64url'), 'after'],
    [Buffer.from('f1:99999999').toString('base64url'), 'after'],
  ])('refuses the malformed or unknown cursor %s with a 400 naming it', async (after, field) => {
    const response = await t.http('reader').get(FEED).query({ after });
    expect(expectProblem(response, 400).errors).toEqual([{ field, message: expect.any(String) }]);
  });

  it('names every bad parameter at once', async () => {
    const response = await t
      .http('reader')
      .get(FEED)
      .query({ limit: '0', wait: '31', type: 'server..x', colour: 'red' });
    expect(
      expectProblem(response, 400)
        .errors?.map((error) => error.field)
        .sort(),
    ).toEqual(['colour', 'limit', 'type', 'wait']);
  });

  it('needs a token', async () => {
    await t.http('anonymous').get(FEED).expect(401);
  });
});

describe('Change feed on the embedded database', () => {
  const t = useTestApp({ database: 'sqlite' });

  it('positions and serves events without MySQL or a broker', async () => {
    await t.http('editor').post(SERVERS).send(aServer()).expect(201);
    const { body } = await t.http('reader').get(FEED).query({ wait: '5' }).expect(200);
    expect(body.items.map((item: FeedItem) => [item.type, item.sequence])).toEqual([
      ['server.server.registered', 1],
    ]);
  });
});
