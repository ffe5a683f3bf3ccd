import { EventBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Response } from 'supertest';
import { expectProblem } from '../support/problem';
import {
  aCredential,
  APPLICATIONS,
  postServer,
  registerApplication,
  registerServer,
  serverState,
  SERVERS,
  storedEvents,
  uniqueName,
} from '../support/servers';
import { useTestApp } from '../support/test-app';

const OS = { name: 'Ubuntu', version: '24.04', architecture: 'x86_64' };

describe('Servers API (MariaDB)', () => {
  const t = useTestApp();
  let published: unknown[];

  beforeAll(async () => {
    published = [];
    t.app.get(EventBus).subscribe((event) => void published.push(event));
  });

  /** Sends a request that must fail, and checks that it left no row and no event behind. */
  async function expectRefused(send: () => Promise<Response>, status: number) {
    const before = await serverState(t);
    const publishedBefore = published.length;
    const problem = expectProblem(await send(), status);
    expect(await serverState(t)).toEqual(before);
    expect(published.length).toBe(publishedBefore);
    return problem;
  }

  describe('POST /servers', () => {
    it('registers with the required fields only: stopped, revision 1, as the event shows it', async () => {
      const name = uniqueName();
      const created = await t
        .http()
        .post(SERVERS)
        .send({ name: ` ${name} `, environment: 'staging', operatingSystem: OS })
        .expect(201);

      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
        name,
        cpuCores: null,
        ramMb: null,
        diskGb: null,
        environment: 'staging',
        operatingSystem: OS,
        tags: [],
        status: 'stopped',
        credentials: [],
        applications: [],
        revision: 1,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: created.body.createdAt,
        discarded: false,
      });
      expect(created.headers.etag).toBe('"1"');
      expect(created.headers.location).toBe(`${SERVERS}/${created.body.id}`);

      const read = await t.http().get(created.headers.location).expect(200);
      expect(read.body).toEqual(created.body);
      expect(read.headers.etag).toBe('"1"');
      expect(await storedEvents(t, created.body.id)).toEqual([
        {
          type: 'server.server.registered',
          revision: 1,
          actor: 'test-admin',
          data: created.body,
        },
      ]);
    });

    it('takes credentials and applications along in the one registration event', async () => {
      const nginx = await registerApplication(t, { name: 'nginx', version: '1.27.3' });
      const postgres = await registerApplication(t, { name: 'postgresql', version: '16.4' });
      const created = await postServer(t, {
        credentials: [
          aCredential(),
          aCredential({ connectionType: 'rdp', localIp: '2001:DB8:0::7', publicPort: 3389 }),
        ],
        applications: [
          { applicationId: postgres, installDir: '/opt/pg', logDir: '/var/log/pg' },
          { applicationId: nginx.toUpperCase(), installDir: 'C:\\nginx' },
        ],
      }).expect(201);

      expect(created.body.credentials).toEqual([
        {
          id: expect.any(String),
          connectionType: 'ssh',
          username: 'deploy',
          hasPassword: true,
          localIp: '10.0.0.5',
          localPort: 22,
          publicIp: null,
          publicPort: null,
        },
        expect.objectContaining({
          connectionType: 'rdp',
          localIp: '2001:db8::7',
          publicPort: 3389,
        }),
      ]);
      expect(created.body.applications).toEqual([
        {
          applicationId: nginx,
          name: 'nginx',
          version: '1.27.3',
          architecture: 'x86_64',
          installDir: 'C:\\nginx',
          logDir: null,
        },
        {
          applicationId: postgres,
          name: 'postgresql',
          version: '16.4',
          architecture: 'x86_64',
          installDir: '/opt/pg',
          logDir: '/var/log/pg',
        },
      ]);
      const events = await storedEvents(t, created.body.id);
      expect(events.map((event) => event.type)).toEqual(['server.server.registered']);
      expect(events[0].data).toEqual(created.body);

      const rows: { key_id: string; password_ciphertext: string }[] = await t.dataSource.query(
        'SELECT key_id, password_ciphertext FROM server_credentials WHERE server_id = ?',
        [created.body.id],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.key_id).toMatch(/^[0-9a-f]{16}$/);
        expect(row.password_ciphertext).not.toContain('horse');
      }
    });

    it('stores nothing at all when the third inline credential is invalid', async () => {
      const problem = await expectRefused(
        () =>
          postServer(t, {
            credentials: [
              aCredential(),
              aCredential({ username: 'ops' }),
              aCredential({ username: 'root', localIp: '10.0.0.256' }),
            ],
          }),
        400,
      );
      expect(problem.errors).toEqual([
        {
          field: 'credentials[2].localIp',
          message: expect.stringMatching(/^credentials\[2\]\.localIp must be an IPv4 address/),
        },
      ]);
    });

    it.each([
      [{ colour: 'red' }, 'colour', 'colour is not a known field'],
      [
        { operatingSystem: { ...OS, kernel: '6.8' } },
        'operatingSystem.kernel',
        'operatingSystem.kernel is not a known field',
      ],
      [
        { credentials: [aCredential({ token: 'x' })] },
        'credentials[0].token',
        'credentials[0].token is not a known field',
      ],
      [
        { applications: [{ applicationId: randomUUID(), installDir: '/x', size: 1 }] },
        'applications[0].size',
        'applications[0].size is not a known field',
      ],
      [{ name: 42 }, 'name', 'name must be a string'],
      [{ name: undefined }, 'name', 'name is required'],
      [{ environment: undefined }, 'environment', 'environment is required'],
      [{ operatingSystem: undefined }, 'operatingSystem', 'operatingSystem is required'],
      [{ cpuCores: '4' }, 'cpuCores', 'cpuCores must be an integer'],
      [{ cpuCores: 4.5 }, 'cpuCores', 'cpuCores must be an integer'],
      [{ cpuCores: 4097 }, 'cpuCores', 'cpuCores must be between 1 and 4096 (got 4097)'],
      [{ ramMb: 0 }, 'ramMb', 'ramMb must be between 1 and 67108864 (got 0)'],
      [{ diskGb: 1048577 }, 'diskGb', 'diskGb must be between 1 and 1048576 (got 1048577)'],
      [
        { environment: 'Prod' },
        'environment',
        'environment must be a slug: 1–32 lower-case letters, digits or hyphens, not starting with a hyphen (got "Prod")',
      ],
      [
        { operatingSystem: { ...OS, version: '' } },
        'operatingSystem.version',
        'operatingSystem.version must be 1–64 characters long after trimming (got 0)',
      ],
      [{ operatingSystem: 'Ubuntu' }, 'operatingSystem', 'operatingSystem must be an object'],
      [{ credentials: 'ssh' }, 'credentials', 'credentials must be an array'],
      [
        { credentials: [aCredential({ localPort: 70000 })] },
        'credentials[0].localPort',
        'credentials[0].localPort must be between 1 and 65535 (got 70000)',
      ],
      [
        { credentials: [aCredential({ publicIp: 'example.com' })] },
        'credentials[0].publicIp',
        'credentials[0].publicIp must be an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10 (got "example.com")',
      ],
      [
        { applications: [{ applicationId: 'nginx', installDir: '/opt/nginx' }] },
        'applications[0].applicationId',
        'applications[0].applicationId must be a UUID in canonical 36-character form',
      ],
      [
        { applications: [{ applicationId: randomUUID(), installDir: 'opt/nginx' }] },
        'applications[0].installDir',
        'applications[0].installDir must be an absolute path such as /opt/app or C:\\Program Files\\App (got "opt/nginx")',
      ],
    ])('refuses %j with a 400 naming %s', async (overrides, field, message) => {
      const problem = await expectRefused(() => postServer(t, overrides), 400);
      expect(problem.errors).toContainEqual({ field, message });
    });

    it('names every broken field in one answer', async () => {
      const problem = await expectRefused(
        () =>
          t
            .http()
            .post(SERVERS)
            .send({ name: '', environment: 'x y', operatingSystem: { ...OS, name: '' } }),
        400,
      );
      expect(problem.errors?.map((error) => error.field)).toEqual([
        'name',
        'environment',
        'operatingSystem.name',
      ]);
    });

    it('refuses a body that is not JSON (415) or not an object (400)', async () => {
      await expectRefused(
        () => t.http().post(SERVERS).set('Content-Type', 'text/plain').send('name=web'),
        415,
      );
      await expectRefused(
        () => t.http().post(SERVERS).set('Content-Type', 'application/json').send('{"name":'),
        400,
      );
    });

    it('refuses a name a live server has, in any case, until that server is discarded', async () => {
      const name = uniqueName('Web');
      const first = await registerServer(t, { name });
      const problem = await expectRefused(() => postServer(t, { name: name.toUpperCase() }), 409);
      expect(problem.detail).toBe(`a server named "${name.toUpperCase()}" is already registered`);

      await t.http().delete(`${SERVERS}/${first.id}`).expect(204);
      await postServer(t, { name: name.toUpperCase() }).expect(201);
    });

    it('refuses two credentials for one account, and an application listed twice (409)', async () => {
      await expectRefused(
        () => postServer(t, { credentials: [aCredential(), aCredential({ localPort: 2222 })] }),
        409,
      );
      const nginx = await registerApplication(t);
      const installation = { applicationId: nginx, installDir: '/opt/nginx' };
      await expectRefused(() => postServer(t, { applications: [installation, installation] }), 409);
    });

    it('refuses an unknown application (404) and a discarded one (409)', async () => {
      const unknown = await expectRefused(
        () => postServer(t, { applications: [{ applicationId: randomUUID(), installDir: '/x' }] }),
        404,
      );
      expect(unknown.detail).toMatch(/^Application [0-9a-f-]{36} does not exist$/);

      const discarded = await registerApplication(t);
      await t.http().delete(`${APPLICATIONS}/${discarded}`).expect(204);
      const conflict = await expectRefused(
        () => postServer(t, { applications: [{ applicationId: discarded, installDir: '/x' }] }),
        409,
      );
      expect(conflict.detail).toBe(
        `application ${discarded} is discarded and can no longer be installed`,
      );
    });
  });

  describe('GET /servers/{id}', () => {
    it('refuses a malformed id (400) and answers 404 for an unknown one', async () => {
      const malformed = expectProblem(await t.http().get(`${SERVERS}/web-01`), 400);
      expect(malformed.errors).toEqual([
        { field: 'id', message: 'id must be a UUID in canonical 36-character form' },
      ]);
      expectProblem(await t.http().get(`${SERVERS}/${randomUUID()}`), 404);
    });

    it('needs a token', async () => {
      expectProblem(await t.http('anonymous').get(`${SERVERS}/${randomUUID()}`), 401);
    });
  });

  describe('PATCH /servers/{id}', () => {
    it('changes the given fields and records only what changed', async () => {
      const server = await registerServer(t);
      const patched = await t
        .http()
        .patch(`${SERVERS}/${server.id}`)
        .send({
          name: server.name,
          ramMb: 16384,
          cpuCores: null,
          operatingSystem: { ...OS, version: '24.10' },
        })
        .expect(200);

      expect(patched.body).toMatchObject({
        ramMb: 16384,
        cpuCores: null,
        operatingSystem: { ...OS, version: '24.10' },
        revision: 2,
      });
      expect(patched.headers.etag).toBe('"2"');
      const events = await storedEvents(t, server.id);
      expect(events[1]).toEqual({
        type: 'server.server.modified',
        revision: 2,
        actor: 'test-admin',
        data: {
          changes: {
            cpuCores: { from: 4, to: null },
            ramMb: { from: 8192, to: 16384 },
            operatingSystem: { from: OS, to: { ...OS, version: '24.10' } },
          },
        },
      });
    });

    it('answers 200 and records nothing when nothing changes', async () => {
      const server = await registerServer(t);
      const response = await t
        .http()
        .patch(`${SERVERS}/${server.id}`)
        .send({ environment: 'production', name: ` ${server.name}` })
        .expect(200);
      expect(response.headers.etag).toBe('"1"');
      expect(await storedEvents(t, server.id)).toHaveLength(1);
    });

    it('applies the change only to the revision named by If-Match', async () => {
      const server = await registerServer(t);
      await expectRefused(
        () => t.http().patch(`${SERVERS}/${server.id}`).set('If-Match', '"7"').send({ ramMb: 1 }),
        412,
      );
      await t
        .http()
        .patch(`${SERVERS}/${server.id}`)
        .set('If-Match', '"1"')
        .send({ ramMb: 1 })
        .expect(200);
      const malformed = await expectRefused(
        () => t.http().patch(`${SERVERS}/${server.id}`).set('If-Match', '2').send({ ramMb: 2 }),
        400,
      );
      expect(malformed.errors?.[0].field).toBe('If-Match');
    });

    it('refuses a name another live server has (409)', async () => {
      const taken = await registerServer(t);
      const server = await registerServer(t);
      await expectRefused(
        () =>
          t
            .http()
            .patch(`${SERVERS}/${server.id}`)
            .send({ name: String(taken.name).toUpperCase() }),
        409,
      );
    });

    it.each([
      [{ credentials: [] }, 'credentials', 'credentials is not a known field'],
      [{ status: 'running' }, 'status', 'status is not a known field'],
      [{ name: null }, 'name', 'name is required'],
      [
        { operatingSystem: { name: 'Debian' } },
        'operatingSystem.version',
        'operatingSystem.version is required',
      ],
      [{ diskGb: -5 }, 'diskGb', 'diskGb must be between 1 and 1048576 (got -5)'],
    ])('refuses %j with a 400', async (body, field, message) => {
      const server = await registerServer(t);
      const problem = await expectRefused(
        () => t.http().patch(`${SERVERS}/${server.id}`).send(body),
        400,
      );
      expect(problem.errors).toContainEqual({ field, message });
    });

    it('answers 404 for an unknown server', async () => {
      await expectRefused(
        () => t.http().patch(`${SERVERS}/${randomUUID()}`).send({ ramMb: 1 }),
        404,
      );
    });
  });

  describe('PUT /servers/{id}/status', () => {
    it('records the change from one status to another, and nothing when it stays', async () => {
      const server = await registerServer(t);
      const running = await t
        .http()
        .put(`${SERVERS}/${server.id}/status`)
        .send({ status: 'running' })
        .expect(200);
      expect(running.body).toMatchObject({ status: 'running', revision: 2 });
      expect(running.headers.etag).toBe('"2"');

      const again = await t
        .http()
        .put(`${SERVERS}/${server.id}/status`)
        .send({ status: 'running' })
        .expect(200);
      expect(again.headers.etag).toBe('"2"');

      const events = await storedEvents(t, server.id);
      expect(events.slice(1)).toEqual([
        {
          type: 'server.server.status_changed',
          revision: 2,
          actor: 'test-admin',
          data: { from: 'stopped', to: 'running' },
        },
      ]);
    });

    it.each([
      [
        { status: 'paused' },
        'status must be one of running, stopped, error, unknown (got "paused")',
      ],
      [{}, 'status is required'],
      [{ status: 'running', since: 'now' }, 'since is not a known field'],
    ])('refuses %j', async (body, message) => {
      const server = await registerServer(t);
      const problem = await expectRefused(
        () => t.http().put(`${SERVERS}/${server.id}/status`).send(body),
        400,
      );
      expect(problem.errors?.map((error) => error.message)).toEqual([message]);
    });
  });

  describe('DELETE /servers/{id}', () => {
    it('discards: 204 with the new ETag, still readable, and every further command is a 409', async () => {
      const application = await registerApplication(t);
      const server = await registerServer(t, {
        credentials: [aCredential()],
        applications: [{ applicationId: application, installDir: '/opt/app' }],
      });
      const credentialId = (server.credentials as { id: string }[])[0].id;

      const discarded = await t.http().delete(`${SERVERS}/${server.id}`).expect(204);
      expect(discarded.headers.etag).toBe('"2"');
      const read = await t.http().get(`${SERVERS}/${server.id}`).expect(200);
      expect(read.body).toMatchObject({ discarded: true, revision: 2 });
      expect((await storedEvents(t, server.id))[1]).toMatchObject({
        type: 'server.server.discarded',
        revision: 2,
        data: {},
      });

      const path = `${SERVERS}/${server.id}`;
      const credential = `${path}/credentials/${credentialId}`;
      const commands = [
        () => t.http().patch(path).send({ ramMb: 1 }),
        () => t.http().put(`${path}/status`).send({ status: 'running' }),
        () => t.http().delete(path),
        () =>
          t
            .http()
            .post(`${path}/credentials`)
            .send(aCredential({ username: 'x' })),
        () => t.http().patch(credential).send({ localPort: 2222 }),
        () => t.http().delete(credential),
        () => t.http().post(`${credential}/reveal`),
        () => t.http().put(`${path}/applications/${application}`).send({ installDir: '/srv' }),
        () => t.http().delete(`${path}/applications/${application}`),
      ];
      for (const command of commands) {
        const problem = await expectRefused(command, 409);
        expect(problem.detail).toBe(
          `Server ${server.id} is discarded and accepts no further changes`,
        );
      }
    });
  });

  describe('concurrent writes', () => {
    // Commands on one server take turns on its row (ADR 4): every unconditional write is applied
    // on top of the others; a write with If-Match "1" wins only as revision 2, else it is a 412.
    it('never lose an update: each 200 is its own revision, a stale If-Match is 412, the last write stays', async () => {
      const server = await registerServer(t);
      const unconditional = [1, 2, 3, 4, 5, 6].map((ramMb) =>
        t.http().patch(`${SERVERS}/${server.id}`).send({ ramMb }),
      );
      const conditional = [1, 2, 3].map((cpuCores) =>
        t.http().patch(`${SERVERS}/${server.id}`).set('If-Match', '"1"').send({ cpuCores }),
      );
      const [plain, ifMatch] = await Promise.all([
        Promise.all(unconditional),
        Promise.all(conditional),
      ]);

      expect(plain.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(ifMatch.every((response) => [200, 412].includes(response.status))).toBe(true);
      for (const response of ifMatch.filter((r) => r.status === 200)) {
        expect(response.body.revision).toBe(2);
      }
      const succeeded = [...plain, ...ifMatch].filter((response) => response.status === 200);
      const revisions = succeeded.map((response) => response.body.revision as number);
      expect([...revisions].sort((a, b) => a - b)).toEqual(
        Array.from({ length: succeeded.length }, (_, index) => index + 2),
      );

      const events = await storedEvents(t, server.id);
      expect(events.map((event) => event.revision)).toEqual(
        Array.from({ length: succeeded.length + 1 }, (_, index) => index + 1),
      );
      const read = await t.http().get(`${SERVERS}/${server.id}`).expect(200);
      const last = succeeded.find((response) => response.body.revision === revisions.length + 1)!;
      expect(read.body).toEqual(last.body);
    });
  });
});
