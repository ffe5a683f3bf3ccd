import { Response } from 'supertest';
import { EntitySubscriberInterface } from 'typeorm';
import { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import {
  aCredential,
  APPLICATIONS,
  aServer,
  registerApplication,
  SERVERS,
  uniqueName,
} from '../support/servers';
import { useTestApp } from '../support/test-app';

/**
 * A write answers with the resource as its command committed it, built from the aggregate
 * rather than read back (ADR 4). The answer must still be exactly what a GET shows next: the
 * same bytes (fields, their order, nulls) and the same ETag.
 */
describe('What a write answers (MariaDB)', () => {
  const t = useTestApp();
  let statements: string[] = [];

  beforeAll(() => {
    const recorder: EntitySubscriberInterface = {
      beforeQuery: (event: BeforeQueryEvent<unknown>) => {
        statements.push(event.query);
      },
    };
    t.dataSource.subscribers.push(recorder);
  });

  /** The write's answer next to a GET of the resource sent right after it. */
  async function expectAnswerAsReadNext(write: Response, path: string): Promise<void> {
    const read = await t.http().get(path).expect(200);
    expect(write.text).toBe(read.text);
    expect(write.headers.etag).toBe(read.headers.etag);
  }

  async function expectItemsAsReadNext(write: Response): Promise<void> {
    for (const item of write.body.items) {
      const read = await t.http().get(`${SERVERS}/${item.id}`).expect(200);
      expect(JSON.stringify(item)).toBe(read.text);
    }
  }

  /** The statements a request sends on the given tables, in order. */
  async function statementsOf(send: () => Promise<Response>, tables: RegExp) {
    statements = [];
    const response = await send();
    return { response, sent: statements.filter((statement) => tables.test(statement)) };
  }

  const SERVER_TABLES = /\bserver(s|_credentials|_applications|_tags)\b/;

  describe('on a server with credentials, installations and tags', () => {
    let appA: string;
    let appB: string;
    let serverPath: string;

    beforeAll(async () => {
      appA = await registerApplication(t, { name: uniqueName('alpha') });
      appB = await registerApplication(t, { name: uniqueName('beta') });
    });

    it('register (201) answers what GET shows, and reads nothing back', async () => {
      const body = aServer({
        cpuCores: null,
        diskGb: null,
        tags: ['web', 'eu-west-1'],
        credentials: [
          aCredential({ publicIp: '203.0.113.7', publicPort: 2222 }),
          aCredential({ connectionType: 'rdp', username: 'admin' }),
        ],
        applications: [
          { applicationId: appB, installDir: '/opt/b', logDir: '/var/log/b' },
          { applicationId: appA, installDir: '/opt/a' },
        ],
      });
      const { response, sent } = await statementsOf(
        () => t.http().post(SERVERS).send(body).expect(201),
        /\b(servers|applications)\b/,
      );
      serverPath = response.headers.location;
      expect(response.body.applications).toHaveLength(2);
      expect(response.body.credentials).toHaveLength(2);
      expect(response.text).not.toContain(String(aCredential().password));
      await expectAnswerAsReadNext(response, serverPath);
      // The catalogue checked (and locked) for the install, then the insert; the labels of
      // the answer come from that check, and nothing reads the server back.
      expect(sent.map((statement) => statement.split(' ', 3).join(' '))).toEqual([
        'SELECT id, name,',
        'INSERT INTO `servers`(`id`,',
      ]);
    });

    it('modify (PATCH) answers what GET shows, its labels looked up in one statement', async () => {
      const { response, sent } = await statementsOf(
        () =>
          t
            .http()
            .patch(serverPath)
            .send({ ramMb: 4096, tags: ['db'] })
            .expect(200),
        /\b(servers|applications)\b/,
      );
      expect(response.body).toMatchObject({ ramMb: 4096, tags: ['db'], revision: 2 });
      await expectAnswerAsReadNext(response, serverPath);
      const afterWrite = sent.slice(sent.findIndex((s) => s.startsWith('UPDATE `servers`')) + 1);
      expect(afterWrite).toEqual([
        expect.stringMatching(/^SELECT id, name, version, architecture FROM applications/),
      ]);
    });

    it('status, credential and installation writes answer what GET shows', async () => {
      await expectAnswerAsReadNext(
        await t.http().put(`${serverPath}/status`).send({ status: 'running' }).expect(200),
        serverPath,
      );
      const added = await t
        .http()
        .post(`${serverPath}/credentials`)
        .send(aCredential({ username: 'operator' }))
        .expect(201);
      await expectAnswerAsReadNext(added, serverPath);
      await expectAnswerAsReadNext(
        await t
          .http()
          .patch(added.headers.location)
          .send({ localPort: 2200, password: 'another secret' })
          .expect(200),
        serverPath,
      );
      const appC = await registerApplication(t, { name: uniqueName('gamma') });
      const install = (applicationId: string, installDir: string, status: 200 | 201) =>
        t
          .http()
          .put(`${serverPath}/applications/${applicationId}`)
          .send({ installDir })
          .expect(status);
      // A new installation (201) and a moved one (200) alike.
      await expectAnswerAsReadNext(await install(appC, '/srv/c', 201), serverPath);
      await expectAnswerAsReadNext(await install(appA, '/srv/a', 200), serverPath);
    });

    it('a write on a server without installations sends nothing after its own statements', async () => {
      const registered = await t.http().post(SERVERS).send(aServer()).expect(201);
      const { response, sent } = await statementsOf(
        () => t.http().patch(registered.headers.location).send({ ramMb: 2048 }).expect(200),
        SERVER_TABLES,
      );
      await expectAnswerAsReadNext(response, registered.headers.location);
      expect(sent.at(-1)).toMatch(/^UPDATE `servers`/);
    });

    it('bulk register and modify answer each server as GET shows it', async () => {
      const registered = await t
        .http()
        .post(`${SERVERS}/bulk`)
        .send({
          items: [
            aServer({ applications: [{ applicationId: appA, installDir: '/opt/a' }] }),
            aServer({ credentials: [aCredential()] }),
          ],
        })
        .expect(201);
      await expectItemsAsReadNext(registered);
      await expectItemsAsReadNext(
        await t
          .http()
          .patch(`${SERVERS}/bulk`)
          .send({
            items: registered.body.items.map(({ id }: { id: string }) => ({ id, diskGb: 10 })),
          })
          .expect(200),
      );
    });
  });

  describe('on an application', () => {
    it('register and modify answer what GET shows, and read nothing back', async () => {
      const { response, sent } = await statementsOf(
        () =>
          t
            .http()
            .post(APPLICATIONS)
            .send({ name: uniqueName('app'), version: '1.0', architecture: 'arm64' })
            .expect(201),
        /\bapplications\b/,
      );
      expect(sent).toEqual([expect.stringMatching(/^INSERT INTO `applications`/)]);
      await expectAnswerAsReadNext(response, response.headers.location);
      await expectAnswerAsReadNext(
        await t.http().patch(response.headers.location).send({ version: '1.1' }).expect(200),
        response.headers.location,
      );
    });
  });
});
