import { expectProblem } from '../support/problem';
import { useTestApp } from '../support/test-app';

const BASE = '/api/v1/applications';

describe('Applications API (MariaDB)', () => {
  const t = useTestApp();

  async function register(body: object): Promise<{ id: string; revision: number }> {
    const response = await t.http().post(BASE).send(body).expect(201);
    return response.body;
  }

  async function eventsOf(
    id: string,
  ): Promise<{ type: string; aggregate_revision: number; data: string }[]> {
    return t.dataSource.query(
      'SELECT type, aggregate_revision, data, correlation_id FROM outbox WHERE aggregate_id = ? ORDER BY sequence',
      [id],
    );
  }

  describe('POST /applications', () => {
    it('registers, answers 201 with Location, ETag and the trimmed resource, and stores one event', async () => {
      const created = await t
        .http()
        .post(BASE)
        .set('X-Request-ID', 'req-register-1')
        .send({ name: ' nginx ', version: '1.27.3', architecture: 'x86_64' })
        .expect(201);

      expect(created.body).toEqual({
        id: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        name: 'nginx',
        version: '1.27.3',
        architecture: 'x86_64',
        revision: 1,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: created.body.createdAt,
        discarded: false,
      });
      expect(created.headers.etag).toBe('"1"');
      expect(created.headers.location).toBe(`${BASE}/${created.body.id}`);
      expect(created.headers['x-request-id']).toBe('req-register-1');

      const events = await eventsOf(created.body.id);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'server.application.registered',
          aggregate_revision: 1,
          correlation_id: 'req-register-1',
        }),
      ]);
      expect(JSON.parse(events[0].data)).toEqual(created.body);
    });

    it('names every invalid field in one 400', async () => {
      const response = await t.http().post(BASE).send({ name: '', version: 7 });
      const problem = expectProblem(response, 400);
      expect(problem.errors).toEqual([
        { field: 'name', message: 'name must be 1–255 characters long after trimming (got 0)' },
        { field: 'version', message: 'version must be a string' },
        { field: 'architecture', message: 'architecture is required' },
      ]);
    });

    it('rejects unknown properties by name', async () => {
      const response = await t
        .http()
        .post(BASE)
        .send({ name: 'a', version: '1', architecture: 'x', vendor: 'acme' });
      expect(expectProblem(response, 400).errors).toEqual([
        { field: 'vendor', message: 'vendor is not a known field' },
      ]);
    });

    it.each([
      ['malformed JSON', '{"name":', 'application/json'],
      ['a JSON array', '[1,2]', 'application/json'],
      ['an empty body', '', 'application/json'],
    ])('answers 400, not 500, to %s', async (_case, raw, type) => {
      const response = await t.http().post(BASE).set('Content-Type', type).send(raw);
      expectProblem(response, 400);
    });

    it('answers 415 to a body that is not JSON', async () => {
      const response = await t
        .http()
        .post(BASE)
        .set('Content-Type', 'text/plain')
        .send('name=nginx');
      expectProblem(response, 415);
    });

    it('answers 413 to a body over 1 MiB', async () => {
      const response = await t
        .http()
        .post(BASE)
        .send({ name: 'x'.repeat(1024 * 1024), version: '1', architecture: 'x' });
      expectProblem(response, 413);
    });

    it('refuses a duplicate (name compared case-insensitively) with 409 and stores nothing', async () => {
      await register({ name: 'Redis', version: '7.2', architecture: 'arm64' });
      const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM outbox');

      const response = await t
        .http()
        .post(BASE)
        .send({ name: 'REDIS ', version: '7.2', architecture: 'arm64' });

      expectProblem(response, 409);
      const after = await t.dataSource.query('SELECT COUNT(*) AS n FROM outbox');
      expect(Number(after[0].n)).toBe(Number(before[0].n));
    });

    it('lets exactly one of several identical concurrent registrations win', async () => {
      const body = { name: 'race', version: '1.0', architecture: 'x86_64' };
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => t.http().post(BASE).send(body)),
      );

      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      const rows = await t.dataSource.query("SELECT id FROM applications WHERE name = 'race'");
      expect(rows).toHaveLength(1);
      expect(await eventsOf(rows[0].id)).toHaveLength(1);
    });

    it('allows the same identity again once the first one is discarded', async () => {
      const first = await register({ name: 'memcached', version: '1.6', architecture: 'x86_64' });
      await t.http().delete(`${BASE}/${first.id}`).expect(204);
      await register({ name: 'memcached', version: '1.6', architecture: 'x86_64' });
    });
  });

  describe('GET /applications/{id}', () => {
    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expectProblem(await t.http().get(`${BASE}/0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b`), 404);
      const malformed = expectProblem(await t.http().get(`${BASE}/not-a-uuid`), 400);
      expect(malformed.errors).toEqual([
        { field: 'id', message: expect.stringMatching(/^id must be a UUID/) },
      ]);
    });

    it('answers 404 as problem+json for an unknown route', async () => {
      expectProblem(await t.http().get('/api/v1/nothing-here'), 404);
    });
  });

  describe('PATCH /applications/{id}', () => {
    it('changes only the given fields and records exactly those changes', async () => {
      const app = await register({ name: 'postgres', version: '15', architecture: 'x86_64' });

      const response = await t
        .http()
        .patch(`${BASE}/${app.id}`)
        .set('If-Match', '"1"')
        .send({ version: '16', name: 'postgres' })
        .expect(200);

      expect(response.body).toMatchObject({ name: 'postgres', version: '16', revision: 2 });
      expect(response.headers.etag).toBe('"2"');
      const events = await eventsOf(app.id);
      expect(events.map((e) => e.type)).toEqual([
        'server.application.registered',
        'server.application.modified',
      ]);
      expect(JSON.parse(events[1].data)).toEqual({
        changes: { version: { from: '15', to: '16' } },
      });
    });

    it('records nothing and keeps the revision when nothing changes', async () => {
      const app = await register({ name: 'mysql', version: '8.4', architecture: 'x86_64' });

      const response = await t
        .http()
        .patch(`${BASE}/${app.id}`)
        .send({ name: 'mysql ' })
        .expect(200);

      expect(response.body.revision).toBe(1);
      expect(response.headers.etag).toBe('"1"');
      expect(await eventsOf(app.id)).toHaveLength(1);
    });

    it('answers 412 to a stale If-Match and changes nothing', async () => {
      const app = await register({ name: 'haproxy', version: '2.8', architecture: 'x86_64' });
      await t.http().patch(`${BASE}/${app.id}`).send({ version: '2.9' }).expect(200);

      expectProblem(
        await t.http().patch(`${BASE}/${app.id}`).set('If-Match', '"1"').send({ version: '3.0' }),
        412,
      );

      const current = await t.http().get(`${BASE}/${app.id}`).expect(200);
      expect(current.body).toMatchObject({ version: '2.9', revision: 2 });
      expect(await eventsOf(app.id)).toHaveLength(2);
    });

    it('answers 400 to a malformed If-Match', async () => {
      const app = await register({ name: 'etcd', version: '3.5', architecture: 'x86_64' });
      const problem = expectProblem(
        await t.http().patch(`${BASE}/${app.id}`).set('If-Match', 'three').send({ version: '3.6' }),
        400,
      );
      expect(problem.errors?.[0].field).toBe('If-Match');
    });

    it('answers 409 when the change would duplicate another application', async () => {
      await register({ name: 'caddy', version: '2', architecture: 'x86_64' });
      const other = await register({ name: 'caddy', version: '1', architecture: 'x86_64' });
      expectProblem(await t.http().patch(`${BASE}/${other.id}`).send({ version: '2' }), 409);
    });

    it('answers 404 for an unknown id', async () => {
      expectProblem(
        await t.http().patch(`${BASE}/0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b`).send({ name: 'x' }),
        404,
      );
    });

    it('never loses an update under concurrent writes: every 200 is one revision and one event', async () => {
      const app = await register({ name: 'contended', version: '0', architecture: 'x86_64' });

      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t
            .http()
            .patch(`${BASE}/${app.id}`)
            .send({ version: `v${i}` }),
        ),
      );

      const statuses = responses.map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      const succeeded = statuses.filter((s) => s === 200).length;
      expect(succeeded).toBeGreaterThanOrEqual(1);
      const current = await t.http().get(`${BASE}/${app.id}`).expect(200);
      expect(current.body.revision).toBe(1 + succeeded);
      const events = await eventsOf(app.id);
      expect(events.map((e) => e.aggregate_revision)).toEqual(
        Array.from({ length: 1 + succeeded }, (_, i) => i + 1),
      );
    });
  });

  describe('DELETE /applications/{id}', () => {
    it('discards: 204 with ETag, still readable, hidden from lists, and every further command is 409', async () => {
      const app = await register({ name: 'varnish', version: '7', architecture: 'x86_64' });

      const response = await t.http().delete(`${BASE}/${app.id}`).expect(204);
      expect(response.headers.etag).toBe('"2"');

      const read = await t.http().get(`${BASE}/${app.id}`).expect(200);
      expect(read.body).toMatchObject({ discarded: true, revision: 2 });
      const listed = await t.http().get(`${BASE}?name=varnish`).expect(200);
      expect(listed.body.items).toEqual([]);
      const discarded = await t.http().get(`${BASE}?name=varnish&discarded=true`).expect(200);
      expect(discarded.body.items.map((i: { id: string }) => i.id)).toEqual([app.id]);

      expectProblem(await t.http().patch(`${BASE}/${app.id}`).send({ version: '8' }), 409);
      expectProblem(await t.http().delete(`${BASE}/${app.id}`), 409);
      expect(await eventsOf(app.id)).toHaveLength(2);
    });
  });

  describe('GET /applications (list)', () => {
    const names = [
      'list-alpha',
      'list-beta',
      'list-gamma',
      'list-delta',
      'list_under',
      'list%percent',
    ];

    beforeAll(async () => {
      for (const [i, name] of names.entries()) {
        await register({ name, version: `${i}.0`, architecture: i % 2 === 0 ? 'x86_64' : 'arm64' });
      }
    });

    it('pages with total, next and previous, keeping the other parameters', async () => {
      const first = await t.http().get(`${BASE}?name__isw=list&limit=2&ordering=name`).expect(200);
      expect(first.body).toMatchObject({ total: 6, limit: 2, offset: 0, previous: null });
      expect(first.body.next).toBe(`${BASE}?name__isw=list&ordering=name&limit=2&offset=2`);
      const second = await t.http().get(first.body.next).expect(200);
      expect(second.body.offset).toBe(2);
      expect(second.body.previous).toBe(`${BASE}?name__isw=list&ordering=name&limit=2&offset=0`);
    });

    it('orders by several fields, descending with -', async () => {
      const response = await t
        .http()
        .get(`${BASE}?name__isw=list-&ordering=-architecture,name`)
        .expect(200);
      expect(response.body.items.map((i: { name: string }) => i.name)).toEqual([
        'list-alpha',
        'list-gamma',
        'list-beta',
        'list-delta',
      ]);
    });

    it('ORs repeated values and ANDs different parameters', async () => {
      const response = await t
        .http()
        .get(`${BASE}?name=LIST-ALPHA&name=list-beta&architecture=arm64`)
        .expect(200);
      expect(response.body.items.map((i: { name: string }) => i.name)).toEqual(['list-beta']);
    });

    it('treats % and _ literally', async () => {
      const underscore = await t.http().get(`${BASE}?name__ic=t_u`).expect(200);
      expect(underscore.body.items.map((i: { name: string }) => i.name)).toEqual(['list_under']);
      const percent = await t
        .http()
        .get(`${BASE}?q=${encodeURIComponent('%p')}`)
        .expect(200);
      expect(percent.body.items.map((i: { name: string }) => i.name)).toEqual(['list%percent']);
    });

    it('compares dates as dates', async () => {
      const future = await t.http().get(`${BASE}?createdAt__gt=2999-01-01T00:00:00Z`).expect(200);
      expect(future.body.total).toBe(0);
      const past = await t
        .http()
        .get(`${BASE}?name__isw=list&createdAt__gte=2000-01-01`)
        .expect(200);
      expect(past.body.total).toBe(6);
    });

    it.each([
      ['unknown parameter', 'colour=red', 'colour'],
      ['unknown lookup', 'name__like=x', 'name__like'],
      ['lookup not allowed for the type', 'discarded__gt=true', 'discarded__gt'],
      ['malformed value', 'revision=abc', 'revision'],
      ['limit out of range', 'limit=1001', 'limit'],
      ['unknown ordering field', 'ordering=colour', 'ordering'],
    ])('answers 400 naming the culprit: %s', async (_case, query, field) => {
      const problem = expectProblem(await t.http().get(`${BASE}?${query}`), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });
  });
});
