import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ListServersWithApplicationQuery, UninstallApplicationCommand } from '@servertree/servers';
import { randomUUID } from 'node:crypto';
import { Response } from 'supertest';
import { expectProblem } from '../support/problem';
import {
  aCredential,
  APPLICATIONS,
  registerApplication,
  registerServer,
  serverState,
  SERVERS,
  storedEvents,
  uniqueName,
} from '../support/servers';
import { useTestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

describe('Server credentials and installed applications API (MariaDB)', () => {
  const t = useTestApp();

  /** Sends a request that must fail, and checks that it left no row and no event behind. */
  async function expectRefused(send: () => Promise<Response>, status: number) {
    const before = await serverState(t);
    const problem = expectProblem(await send(), status);
    expect(await serverState(t)).toEqual(before);
    return problem;
  }

  const lastEvent = async (serverId: string) => (await storedEvents(t, serverId)).pop();

  describe('credentials', () => {
    let server: { id: string };
    let credentialsPath: string;

    beforeEach(async () => {
      server = await registerServer(t);
      credentialsPath = `${SERVERS}/${server.id}/credentials`;
    });

    async function addCredential(body = aCredential()): Promise<string> {
      const response = await t.http().post(credentialsPath).send(body).expect(201);
      return String(response.headers.location).split('/').pop() as string;
    }

    it('adds one: 201 with its Location, the whole server, and an event without the password', async () => {
      const response = await t
        .http()
        .post(credentialsPath)
        .send(aCredential({ publicIp: '203.0.113.7', publicPort: 2222 }))
        .expect(201);
      const [credential] = response.body.credentials;

      expect(response.headers.location).toBe(`${credentialsPath}/${credential.id}`);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({ id: server.id, revision: 2 });
      expect(credential).toEqual({
        id: expect.any(String),
        connectionType: 'ssh',
        username: 'deploy',
        hasPassword: true,
        localIp: '10.0.0.5',
        localPort: 22,
        publicIp: '203.0.113.7',
        publicPort: 2222,
      });
      expect(await lastEvent(server.id)).toEqual({
        type: 'server.server.credential_added',
        revision: 2,
        actor: 'test-admin',
        data: credential,
      });
    });

    it('refuses a second credential for the same connection type and username (409)', async () => {
      await addCredential();
      const problem = await expectRefused(
        () =>
          t
            .http()
            .post(credentialsPath)
            .send(aCredential({ localPort: 2200 })),
        409,
      );
      expect(problem.detail).toBe('the server already has a ssh credential for username "deploy"');
    });

    it.each([
      [{ localIp: '10.0.0' }, 'localIp'],
      [{ localPort: 0 }, 'localPort'],
      [{ password: '' }, 'password'],
      [{ password: undefined }, 'password'],
      [{ connectionType: 'SSH' }, 'connectionType'],
      [{ privateKey: '-----BEGIN' }, 'privateKey'],
    ])('refuses %j with a 400 naming %s', async (overrides, field) => {
      const problem = await expectRefused(
        () => t.http().post(credentialsPath).send(aCredential(overrides)),
        400,
      );
      expect(problem.errors?.map((error) => error.field)).toEqual([field]);
    });

    it('answers 404 for an unknown server, 400 for a malformed id, 412 for a stale If-Match', async () => {
      await expectRefused(
        () => t.http().post(`${SERVERS}/${randomUUID()}/credentials`).send(aCredential()),
        404,
      );
      await expectRefused(
        () => t.http().post(`${SERVERS}/nope/credentials`).send(aCredential()),
        400,
      );
      await expectRefused(
        () => t.http().post(credentialsPath).set('If-Match', '"2"').send(aCredential()),
        412,
      );
    });

    it('modifies one, recording a new password only as changed', async () => {
      const credentialId = await addCredential();
      const response = await t
        .http()
        .patch(`${credentialsPath}/${credentialId}`)
        .send({ localPort: 2222, password: 'new secret' })
        .expect(200);
      expect(response.body.credentials[0]).toMatchObject({ localPort: 2222, hasPassword: true });
      expect(response.headers.etag).toBe('"3"');
      expect(await lastEvent(server.id)).toMatchObject({
        type: 'server.server.credential_modified',
        revision: 3,
        data: {
          credentialId,
          changes: { localPort: { from: 22, to: 2222 }, password: { changed: true } },
        },
      });

      const revealed = await t.http().post(`${credentialsPath}/${credentialId}/reveal`).expect(200);
      expect(revealed.body).toEqual({ password: 'new secret' });
    });

    it('records nothing when the same values and the same password are sent again', async () => {
      const credentialId = await addCredential();
      const response = await t
        .http()
        .patch(`${credentialsPath}/${credentialId}`)
        .send({ password: PASSWORD, localIp: '10.0.0.5' })
        .expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(await storedEvents(t, server.id)).toHaveLength(2);
    });

    it('refuses a change into a duplicate (409), an unknown credential (404), a bad value (400)', async () => {
      await addCredential();
      const other = await addCredential(aCredential({ username: 'ops' }));
      await expectRefused(
        () => t.http().patch(`${credentialsPath}/${other}`).send({ username: 'deploy' }),
        409,
      );
      const unknown = await expectRefused(
        () => t.http().patch(`${credentialsPath}/${randomUUID()}`).send({ localPort: 1 }),
        404,
      );
      expect(unknown.detail).toMatch(/^credential [0-9a-f-]{36} does not exist on server/);
      await expectRefused(
        () => t.http().patch(`${credentialsPath}/${other}`).send({ publicIp: '::1::' }),
        400,
      );
      await expectRefused(
        () => t.http().patch(`${credentialsPath}/not-an-id`).send({ localPort: 1 }),
        400,
      );
    });

    it('removes one: 204 with the new ETag; removing it again is a 404', async () => {
      const credentialId = await addCredential();
      const removed = await t.http().delete(`${credentialsPath}/${credentialId}`).expect(204);
      expect(removed.headers.etag).toBe('"3"');
      expect(await lastEvent(server.id)).toMatchObject({
        type: 'server.server.credential_removed',
        revision: 3,
        data: { credentialId },
      });
      const read = await t.http().get(`${SERVERS}/${server.id}`).expect(200);
      expect(read.body.credentials).toEqual([]);
      await expectRefused(() => t.http().delete(`${credentialsPath}/${credentialId}`), 404);
    });

    describe('reveal', () => {
      it('answers the password to an admin, uncached, and records who asked', async () => {
        const credentialId = await addCredential();
        const response = await t
          .http('admin', 'alice')
          .post(`${credentialsPath}/${credentialId}/reveal`)
          .expect(200);
        expect(response.body).toEqual({ password: PASSWORD });
        expect(response.headers.etag).toBe('"3"');
        expect(response.headers['cache-control']).toBe('no-store');
        expect(await lastEvent(server.id)).toEqual({
          type: 'server.server.credential_revealed',
          revision: 3,
          actor: 'alice',
          data: { credentialId },
        });
      });

      it('is for admins only', async () => {
        const credentialId = await addCredential();
        for (const role of ['editor', 'reader'] as const) {
          await expectRefused(
            () => t.http(role).post(`${credentialsPath}/${credentialId}/reveal`),
            403,
          );
        }
      });

      it('reveals and records every time, Idempotency-Key or not', async () => {
        const credentialId = await addCredential();
        for (let i = 0; i < 2; i++) {
          await t
            .http()
            .post(`${credentialsPath}/${credentialId}/reveal`)
            .set('Idempotency-Key', 'reveal-once')
            .expect(200);
        }
        const types = (await storedEvents(t, server.id)).map((event) => event.type);
        expect(types.filter((type) => type.endsWith('credential_revealed'))).toHaveLength(2);
      });

      it('answers 404 for an unknown credential', async () => {
        await expectRefused(() => t.http().post(`${credentialsPath}/${randomUUID()}/reveal`), 404);
      });
    });
  });

  describe('installed applications', () => {
    let server: { id: string };
    let application: string;
    let applicationName: string;
    let installPath: string;

    beforeEach(async () => {
      server = await registerServer(t);
      applicationName = uniqueName('redis');
      application = await registerApplication(t, { name: applicationName, version: '7.4' });
      installPath = `${SERVERS}/${server.id}/applications/${application}`;
    });

    it('installs (201), shows the catalogue name, and records where', async () => {
      const response = await t
        .http()
        .put(installPath)
        .send({ installDir: '/opt/redis', logDir: '/var/log/redis' })
        .expect(201);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body.applications).toEqual([
        {
          applicationId: application,
          name: applicationName,
          version: '7.4',
          architecture: 'x86_64',
          installDir: '/opt/redis',
          logDir: '/var/log/redis',
        },
      ]);
      expect(await lastEvent(server.id)).toEqual({
        type: 'server.server.application_installed',
        revision: 2,
        actor: 'test-admin',
        data: { applicationId: application, installDir: '/opt/redis', logDir: '/var/log/redis' },
      });
    });

    it('moves an installation (200, recorded again) and ignores a repeat (200, nothing recorded)', async () => {
      await t.http().put(installPath).send({ installDir: '/opt/redis' }).expect(201);
      const moved = await t.http().put(installPath).send({ installDir: '/srv/redis' }).expect(200);
      expect(moved.headers.etag).toBe('"3"');
      expect(await lastEvent(server.id)).toMatchObject({
        type: 'server.server.application_installed',
        revision: 3,
        data: { applicationId: application, installDir: '/srv/redis', logDir: null },
      });

      const repeated = await t
        .http()
        .put(installPath)
        .send({ installDir: '/srv/redis' })
        .expect(200);
      expect(repeated.headers.etag).toBe('"3"');
      expect(await storedEvents(t, server.id)).toHaveLength(3);
    });

    it('shows what the catalogue calls the application now', async () => {
      await t.http().put(installPath).send({ installDir: '/opt/redis' }).expect(201);
      await t.http().patch(`${APPLICATIONS}/${application}`).send({ version: '7.4.1' }).expect(200);
      const read = await t.http().get(`${SERVERS}/${server.id}`).expect(200);
      expect(read.body.applications[0]).toMatchObject({ name: applicationName, version: '7.4.1' });
    });

    it('refuses an unknown application (404), a discarded one (409), a malformed id (400)', async () => {
      await expectRefused(
        () =>
          t
            .http()
            .put(`${SERVERS}/${server.id}/applications/${randomUUID()}`)
            .send({ installDir: '/opt/x' }),
        404,
      );
      await t.http().delete(`${APPLICATIONS}/${application}`).expect(204);
      await expectRefused(() => t.http().put(installPath).send({ installDir: '/opt/x' }), 409);
      const malformed = await expectRefused(
        () =>
          t.http().put(`${SERVERS}/${server.id}/applications/redis`).send({ installDir: '/opt' }),
        400,
      );
      expect(malformed.errors?.[0].field).toBe('applicationId');
    });

    it.each([
      [{ installDir: 'redis' }, 'installDir'],
      [{ installDir: '/opt/redis', logDir: 'logs' }, 'logDir'],
      [{}, 'installDir'],
      [{ installDir: '/opt/redis', port: 6379 }, 'port'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const problem = await expectRefused(() => t.http().put(installPath).send(body), 400);
      expect(problem.errors?.map((error) => error.field)).toEqual([field]);
    });

    it('uninstalls: 204 with the new ETag, recorded as requested; again is a 404', async () => {
      await t.http().put(installPath).send({ installDir: '/opt/redis' }).expect(201);
      const response = await t.http().delete(installPath).expect(204);
      expect(response.headers.etag).toBe('"3"');
      expect(await lastEvent(server.id)).toMatchObject({
        type: 'server.server.application_uninstalled',
        revision: 3,
        data: { applicationId: application, reason: 'requested' },
      });
      const problem = await expectRefused(() => t.http().delete(installPath), 404);
      expect(problem.detail).toBe(
        `application ${application} is not installed on server ${server.id}`,
      );
    });

    describe('following a discarded application (for its event consumer)', () => {
      it('lists the live servers that have it installed', async () => {
        await t.http().put(installPath).send({ installDir: '/opt/redis' }).expect(201);
        const other = await registerServer(t, {
          applications: [{ applicationId: application, installDir: '/opt/redis' }],
        });
        const gone = await registerServer(t, {
          applications: [{ applicationId: application, installDir: '/opt/redis' }],
        });
        await t.http().delete(`${SERVERS}/${gone.id}`).expect(204);

        const ids = await t.app
          .get(QueryBus)
          .execute(new ListServersWithApplicationQuery(application));
        expect(ids).toEqual([server.id, other.id].sort());
      });

      it('uninstalls with its reason, and does nothing where it is not installed', async () => {
        await t.http().put(installPath).send({ installDir: '/opt/redis' }).expect(201);
        const commandBus = t.app.get(CommandBus);
        const command = () =>
          commandBus.execute(
            new UninstallApplicationCommand(server.id, application, 'application_discarded'),
          );

        await expect(command()).resolves.toEqual({ id: server.id, revision: 3 });
        await expect(command()).resolves.toEqual({ id: server.id, revision: 3 });
        expect(await lastEvent(server.id)).toMatchObject({
          type: 'server.server.application_uninstalled',
          revision: 3,
          data: { applicationId: application, reason: 'application_discarded' },
        });
      });
    });
  });

  describe('GET /servers/{id}/events', () => {
    it("pages through the server's own history, oldest first", async () => {
      const server = await registerServer(t);
      await t.http().put(`${SERVERS}/${server.id}/status`).send({ status: 'running' });
      await t.http().put(`${SERVERS}/${server.id}/status`).send({ status: 'error' });

      const page = await t.http().get(`${SERVERS}/${server.id}/events?limit=2`).expect(200);
      expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0, previous: null });
      expect(page.body.next).toBe(`${SERVERS}/${server.id}/events?limit=2&offset=2`);
      expect(
        page.body.items.map((event: { type: string; aggregaterevision: number }) => [
          event.type,
          event.aggregaterevision,
        ]),
      ).toEqual([
        ['server.server.registered', 1],
        ['server.server.status_changed', 2],
      ]);
      expectProblem(await t.http().get(`${SERVERS}/${randomUUID()}/events`), 404);
    });
  });
});
