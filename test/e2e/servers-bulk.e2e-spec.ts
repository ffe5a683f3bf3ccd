import { expectProblem } from '../support/problem';
import {
  aServer,
  registerServer,
  SERVERS,
  serverState,
  storedEvents,
  uniqueName,
  postServer,
} from '../support/servers';
import { startTestApp, TestApp } from '../support/test-app';

const BULK = `${SERVERS}/bulk`;

describe('Tags and bulk changes (MariaDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  describe('tags', () => {
    it('are answered sorted and distinct, and replaced as a whole by PATCH with from/to in the event', async () => {
      const server = await registerServer(t, { tags: ['web', 'eu-west-1', 'web'] });
      expect(server.tags).toEqual(['eu-west-1', 'web']);

      const patched = await t
        .http()
        .patch(`${SERVERS}/${server.id}`)
        .send({ tags: ['web', 'edge'] })
        .expect(200);
      expect(patched.body.tags).toEqual(['edge', 'web']);
      const events = await storedEvents(t, server.id);
      expect(events[0].data.tags).toEqual(['eu-west-1', 'web']);
      expect(events[1]).toMatchObject({
        type: 'server.server.modified',
        revision: 2,
        data: { changes: { tags: { from: ['eu-west-1', 'web'], to: ['edge', 'web'] } } },
      });

      // The same set in another order is no change: no event, no new revision.
      await t
        .http()
        .patch(`${SERVERS}/${server.id}`)
        .send({ tags: ['web', 'edge', 'edge'] })
        .expect(200)
        .expect('ETag', '"2"');
    });

    it('refuse bad tags, naming each by its position', async () => {
      const response = await postServer(t, { tags: ['ok', 'Not-Lower', 'x'.repeat(65)] });
      expect(expectProblem(response, 400).errors).toEqual([
        {
          field: 'tags[1]',
          message: expect.stringMatching(/^tags\[1\] must be a tag: 1–64 lower-case letters/),
        },
        { field: 'tags[2]', message: expect.stringMatching(/^tags\[2\] must be a tag/) },
      ]);
      const tooMany = Array.from({ length: 33 }, (_, i) => `t${i}`);
      expect(expectProblem(await postServer(t, { tags: tooMany }), 400).errors).toEqual([
        { field: 'tags', message: 'tags must hold at most 32 distinct tags (got 33)' },
      ]);
    });

    it('filter lists: tag (repeats OR), tag__n, case-insensitive, combined with other filters', async () => {
      const env = `tagged-${uniqueName('e').slice(-8)}`;
      const seeded = { web: ['web'], both: ['db', 'web'], db: ['db'], none: [] as string[] };
      const ids: Record<string, string> = {};
      for (const [key, tags] of Object.entries(seeded)) {
        ids[key] = (await registerServer(t, { environment: env, tags })).id;
      }
      const names = async (query: string) => {
        const response = await t.http().get(`${SERVERS}?environment=${env}&${query}`).expect(200);
        return response.body.items.map((item: { id: string }) =>
          Object.keys(ids).find((key) => ids[key] === item.id),
        );
      };
      expect(await names('tag=web')).toEqual(['web', 'both']);
      expect(await names('tag=WEB')).toEqual(['web', 'both']);
      expect(await names('tag=web&tag=db')).toEqual(['web', 'both', 'db']);
      expect(await names('tag__n=web')).toEqual(['db', 'none']);
      expect(await names('tag__n=web&tag__n=db')).toEqual(['none']);
      expect(await names('tag=db&tag__n=web')).toEqual(['db']);
      expect(await names('tag__isw=w')).toEqual(['web', 'both']);
      const total = await t.http().get(`${SERVERS}?environment=${env}&tag=db&limit=1`).expect(200);
      expect(total.body).toMatchObject({ total: 2, items: [{ id: ids.both }] });
      expectProblem(await t.http().get(`${SERVERS}?ordering=tag`), 400);
    });
  });

  describe('POST /servers/bulk', () => {
    it('registers every item in order, one registered event each', async () => {
      const items = [aServer({ tags: ['b', 'a'] }), aServer(), aServer()];
      const response = await t.http('editor').post(BULK).send({ items }).expect(201);
      expect(response.body.items.map((item: { name: string }) => item.name)).toEqual(
        items.map((item) => item.name),
      );
      expect(response.body.items[0]).toMatchObject({ revision: 1, tags: ['a', 'b'] });
      for (const item of response.body.items) {
        const events = await storedEvents(t, item.id);
        expect(events.map((event) => event.type)).toEqual(['server.server.registered']);
      }
    });

    it('one bad item among 500: nothing stored, nothing published, every bad item named', async () => {
      const before = await serverState(t);
      const items = Array.from({ length: 500 }, () => aServer());
      items[137] = aServer({ environment: 'Not A Slug' });
      items[400] = aServer({ name: '', tags: ['UPPER'] });
      const response = await t.http().post(BULK).send({ items });
      const problem = expectProblem(response, 400);
      expect(problem.errors?.map((error) => error.field)).toEqual([
        'items[137].environment',
        'items[400].name',
        'items[400].tags[0]',
      ]);
      expect(problem.errors?.[0].message).toMatch(/^items\[137\]\.environment must be a slug/);
      expect(await serverState(t)).toEqual(before);
    });

    it('refuses names repeated within the request or already taken, case-insensitively', async () => {
      const existing = await registerServer(t);
      const name = uniqueName();
      const before = await serverState(t);
      const response = await t
        .http()
        .post(BULK)
        .send({
          items: [
            aServer({ name }),
            aServer({ name: name.toUpperCase() }),
            aServer({ name: String(existing.name).toUpperCase() }),
          ],
        });
      expect(expectProblem(response, 409).errors).toEqual([
        {
          field: 'items[1].name',
          message: expect.stringContaining('is also the name of items[0]'),
        },
        { field: 'items[2].name', message: expect.stringContaining('is already registered') },
      ]);
      expect(await serverState(t)).toEqual(before);
    });

    it('answers with the most basic status and still lists every failing item', async () => {
      const existing = await registerServer(t);
      const response = await t
        .http()
        .post(BULK)
        .send({ items: [aServer({ name: existing.name }), aServer({ cpuCores: 0 })] });
      expect(expectProblem(response, 400).errors?.map((error) => error.field)).toEqual([
        'items[0].name',
        'items[1].cpuCores',
      ]);
    });

    it('takes 1 to 1,000 items', async () => {
      expect(expectProblem(await t.http().post(BULK).send({ items: [] }), 400).errors).toEqual([
        { field: 'items', message: 'items must hold 1–1000 entries (got 0)' },
      ]);
      const tooMany = Array.from({ length: 1001 }, () => ({}));
      expect(expectProblem(await t.http().post(BULK).send({ items: tooMany }), 400).errors).toEqual(
        [{ field: 'items', message: 'items must hold 1–1000 entries (got 1001)' }],
      );
      expectProblem(
        await t
          .http()
          .post(BULK)
          .send({ items: [{ nonsense: 1 }] }),
        400,
      );
      expectProblem(
        await t
          .http('reader')
          .post(BULK)
          .send({ items: [aServer()] }),
        403,
      );
    });

    it('replays an Idempotency-Key and creates nothing the second time', async () => {
      const body = { items: [aServer(), aServer()] };
      const first = await t
        .http()
        .post(BULK)
        .set('Idempotency-Key', `bulk-${uniqueName()}`)
        .send(body)
        .expect(201);
      const before = await serverState(t);
      const again = await t
        .http()
        .post(BULK)
        .set('Idempotency-Key', first.request.getHeader('Idempotency-Key') as string)
        .send(body)
        .expect(201)
        .expect('Idempotent-Replayed', 'true');
      expect(again.body).toEqual(first.body);
      expect(await serverState(t)).toEqual(before);
    });
  });

  describe('PATCH /servers/bulk', () => {
    it('modifies every item, honouring revisions, one modified event per changed server', async () => {
      const [a, b, c] = await Promise.all([
        registerServer(t),
        registerServer(t),
        registerServer(t),
      ]);
      const response = await t
        .http()
        .patch(BULK)
        .send({
          items: [
            { id: a.id, revision: 1, tags: ['x'] },
            { id: b.id, ramMb: 1024 },
            // No change: answered, but neither event nor new revision.
            { id: c.id, ramMb: c.ramMb },
          ],
        })
        .expect(200);
      expect(response.body.items.map((item: { revision: number }) => item.revision)).toEqual([
        2, 2, 1,
      ]);
      expect(response.body.items[1].ramMb).toBe(1024);
      expect((await storedEvents(t, b.id))[1].data).toEqual({
        changes: { ramMb: { from: 8192, to: 1024 } },
      });
      expect(await storedEvents(t, c.id)).toHaveLength(1);
    });

    it('refuses stale, unknown, repeated, discarded and invalid items together, changing nothing', async () => {
      const [a, b, c, d] = await Promise.all([
        registerServer(t),
        registerServer(t),
        registerServer(t),
        registerServer(t),
      ]);
      await t.http().delete(`${SERVERS}/${d.id}`).expect(204);
      const unknown = '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b';
      const before = await serverState(t);
      const response = await t
        .http()
        .patch(BULK)
        .send({
          items: [
            { id: a.id, revision: 7, ramMb: 1 },
            { id: unknown, ramMb: 1 },
            { id: b.id, name: c.name },
            { id: a.id, ramMb: 2 },
            { id: d.id, ramMb: 1 },
            { id: 'not-a-uuid' },
          ],
        });
      const problem = expectProblem(response, 400);
      expect(problem.errors?.map((error) => error.field)).toEqual([
        'items[0].revision',
        'items[1].id',
        'items[2].name',
        'items[3].id',
        'items[4].id',
        'items[5].id',
      ]);
      expect(await serverState(t)).toEqual(before);

      const stale = await t
        .http()
        .patch(BULK)
        .send({ items: [{ id: a.id, revision: 7, ramMb: 1 }] });
      expect(expectProblem(stale, 412).errors).toEqual([
        {
          field: 'items[0].revision',
          message: 'items[0].revision: expected revision 7, but the current revision is 1',
        },
      ]);
    });

    it('never loses a single write that runs during a bulk modify', async () => {
      const servers = await Promise.all(
        Array.from({ length: 50 }, () => registerServer(t, { tags: ['fleet'] })),
      );
      const target = servers[25];
      for (let round = 0; round < 5; round += 1) {
        const [bulk, single] = await Promise.all([
          t
            .http()
            .patch(BULK)
            .send({ items: servers.map(({ id }) => ({ id, cpuCores: round + 10 })) }),
          t
            .http()
            .patch(`${SERVERS}/${target.id}`)
            .send({ diskGb: round + 500 }),
        ]);
        expect([200, 409]).toContain(bulk.status);
        expect([200, 409]).toContain(single.status);
        const current = (await t.http().get(`${SERVERS}/${target.id}`).expect(200)).body;
        // Whatever succeeded is in the stored server, and every revision has its event.
        if (bulk.status === 200) expect(current.cpuCores).toBe(round + 10);
        if (single.status === 200) expect(current.diskGb).toBe(round + 500);
        expect(await storedEvents(t, target.id)).toHaveLength(current.revision);
      }
    });
  });

  describe('DELETE /servers/bulk', () => {
    it('discards every listed server, or none if one is unknown, repeated or discarded', async () => {
      const [a, b, c] = await Promise.all([
        registerServer(t),
        registerServer(t),
        registerServer(t),
      ]);
      await t.http().delete(`${SERVERS}/${c.id}`).expect(204);
      const before = await serverState(t);
      const refused = await t
        .http()
        .delete(BULK)
        .send({ ids: [a.id, c.id, a.id, 'nope'] });
      expect(expectProblem(refused, 400).errors?.map((error) => error.field)).toEqual([
        'ids[1]',
        'ids[2]',
        'ids[3]',
      ]);
      expect(await serverState(t)).toEqual(before);

      await t
        .http('editor')
        .delete(BULK)
        .send({ ids: [a.id, b.id] })
        .expect(204);
      for (const id of [a.id, b.id]) {
        const read = await t.http().get(`${SERVERS}/${id}`).expect(200);
        expect(read.body).toMatchObject({ discarded: true, revision: 2 });
        expect((await storedEvents(t, id)).map((event) => event.type)).toEqual([
          'server.server.registered',
          'server.server.discarded',
        ]);
      }
    });
  });
});
