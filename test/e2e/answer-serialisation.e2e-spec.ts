import {
  aCredential,
  APPLICATIONS,
  registerApplication,
  SERVERS,
  uniqueName,
} from '../support/servers';
import { useTestApp } from '../support/test-app';

/**
 * Answers are written by fast-json-stringify with the response schemas of the OpenAPI document
 * (serialiseAnswersAsDocumented), which writes only what a schema declares. These answers are
 * compared as text with the full shape the API promises, every optional field present (null
 * when empty), so a field missing from a response DTO would fail here rather than vanish.
 * Fields come in the document's order: for a page that is not the order the handler builds it
 * in (items before the links), which shows the serialiser is in use.
 */
describe('Answers as serialised (MariaDB)', () => {
  const t = useTestApp();
  const name = uniqueName('shape');
  let applicationId: string;
  let application: Record<string, unknown>;
  let server: Record<string, unknown>;

  beforeAll(async () => {
    applicationId = await registerApplication(t, { name: uniqueName('app') });
    application = (await t.http().get(`${APPLICATIONS}/${applicationId}`).expect(200)).body;
    const registered = await t
      .http()
      .post(SERVERS)
      .send({
        name,
        cpuCores: null,
        ramMb: 2048,
        environment: 'shape-test',
        operatingSystem: { name: 'Debian', version: '12', architecture: 'arm64' },
        tags: ['web', 'eu'],
        credentials: [aCredential({ publicIp: '203.0.113.9', publicPort: 2222 })],
        applications: [{ applicationId, installDir: '/opt/app' }],
      })
      .expect(201);
    server = registered.body;
  });

  /** The server as the API promises it, field by field in the documented order. */
  function expectedServer() {
    const [credential] = server.credentials as { id: string }[];
    return {
      id: server.id,
      name,
      cpuCores: null,
      ramMb: 2048,
      diskGb: null,
      environment: 'shape-test',
      operatingSystem: { name: 'Debian', version: '12', architecture: 'arm64' },
      tags: ['eu', 'web'],
      status: 'stopped',
      credentials: [
        {
          id: credential.id,
          connectionType: 'ssh',
          username: aCredential().username,
          hasPassword: true,
          localIp: aCredential().localIp,
          localPort: aCredential().localPort,
          publicIp: '203.0.113.9',
          publicPort: 2222,
        },
      ],
      applications: [
        {
          applicationId,
          name: application.name,
          version: application.version,
          architecture: application.architecture,
          installDir: '/opt/app',
          logDir: null,
        },
      ],
      revision: 1,
      createdAt: server.createdAt,
      updatedAt: server.updatedAt,
      discarded: false,
    };
  }

  it('GET one server: every field, nulls included, no secret', async () => {
    const response = await t.http().get(`${SERVERS}/${server.id}`).expect(200);
    expect(response.text).toBe(JSON.stringify(expectedServer()));
    expect(response.text).not.toContain(String(aCredential().password));
  });

  it('a page of servers: the envelope, its links and every field of each item', async () => {
    const response = await t
      .http()
      .get(SERVERS)
      .query({ environment: 'shape-test', limit: '1' })
      .expect(200);
    expect(response.text).toBe(
      JSON.stringify({
        total: 1,
        limit: 1,
        offset: 0,
        next: null,
        previous: null,
        items: [expectedServer()],
      }),
    );
  });

  it('GET one application and a page of applications', async () => {
    const expected = {
      id: applicationId,
      name: application.name,
      version: application.version,
      architecture: application.architecture,
      revision: 1,
      createdAt: application.createdAt,
      updatedAt: application.updatedAt,
      discarded: false,
    };
    const one = await t.http().get(`${APPLICATIONS}/${applicationId}`).expect(200);
    expect(one.text).toBe(JSON.stringify(expected));
    const page = await t
      .http()
      .get(APPLICATIONS)
      .query({ name: application.name as string })
      .expect(200);
    expect(page.text).toBe(
      JSON.stringify({
        total: 1,
        limit: 25,
        offset: 0,
        next: null,
        previous: null,
        items: [expected],
      }),
    );
  });
});
