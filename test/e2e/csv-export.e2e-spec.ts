import { aServer, APPLICATIONS, postServer, SERVERS, uniqueName } from '../support/servers';
import { startTestApp, TestApp } from '../support/test-app';

describe('CSV export of the lists (MariaDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  const csv = (path: string) => t.http('reader').get(path).set('Accept', 'text/csv').expect(200);

  it('answers every matching server, exact bytes: header, quoting, formula prefix, unicode, tags', async () => {
    const environment = `csv-${uniqueName('e').slice(-8)}`;
    const os = { name: 'Debian', version: '12', architecture: '=arm64' };
    const bodies = [
      aServer({ name: 'b "quoted", name', environment, operatingSystem: os, tags: ['web', 'db'] }),
      aServer({ name: '=HYPERLINK("http://evil")', environment, operatingSystem: os, ramMb: null }),
      aServer({ name: 'a ünïcödé サーバー', environment, operatingSystem: os, cpuCores: 2 }),
      aServer({ name: '@c', environment: 'elsewhere', operatingSystem: os }),
    ];
    const servers = [];
    for (const body of bodies) {
      servers.push((await t.http().post(SERVERS).send(body).expect(201)).body);
    }
    const response = await csv(`${SERVERS}?environment=${environment}&ordering=name&limit=1`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe('attachment; filename="servers.csv"');
    const line = (
      s: Record<string, unknown>,
      name: string,
      cores: string,
      ram: string,
      tags: string,
    ) =>
      `${s.id},${name},${cores},${ram},200,${environment},Debian,12,'=arm64,stopped,${tags},1,` +
      `${s.createdAt},${s.updatedAt},false\r\n`;
    expect(response.text).toBe(
      'id,name,cpuCores,ramMb,diskGb,environment,operatingSystem.name,operatingSystem.version,' +
        'operatingSystem.architecture,status,tags,revision,createdAt,updatedAt,discarded\r\n' +
        line(servers[1], `"'=HYPERLINK(""http://evil"")"`, '4', '', '') +
        line(servers[2], 'a ünïcödé サーバー', '2', '8192', '') +
        line(servers[0], '"b ""quoted"", name"', '4', '8192', 'db;web'),
    );
  });

  it('honours filters and ordering like the JSON list, ignoring limit and offset', async () => {
    const environment = `csv-${uniqueName('e').slice(-8)}`;
    for (const ramMb of [1024, 4096, 2048, 8192]) {
      await postServer(t, { environment, ramMb, tags: ['x'] }).expect(201);
    }
    const query = `environment=${environment}&ramMb__gte=2048&ordering=-ramMb&tag=x`;
    const json = await t.http().get(`${SERVERS}?${query}`).expect(200);
    const exported = await csv(`${SERVERS}?${query}&limit=1&offset=2`);
    const ids = exported.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((row) => row.split(',')[0]);
    expect(ids).toEqual(json.body.items.map((item: { id: string }) => item.id));
    expect(ids).toHaveLength(3);
  });

  it('exports applications too, and refuses a bad filter with problem+json', async () => {
    const name = uniqueName('csvapp');
    const created = await t
      .http()
      .post(APPLICATIONS)
      .send({ name, version: '+1.0', architecture: 'x86_64' })
      .expect(201);
    const response = await csv(`${APPLICATIONS}?name=${name}`);
    expect(response.headers['content-disposition']).toBe('attachment; filename="applications.csv"');
    const { id, createdAt, updatedAt } = created.body;
    expect(response.text).toBe(
      'id,name,version,architecture,revision,createdAt,updatedAt,discarded\r\n' +
        `${id},${name},'+1.0,x86_64,1,${createdAt},${updatedAt},false\r\n`,
    );
    const bad = await t.http().get(`${SERVERS}?ramMb__gte=many`).set('Accept', 'text/csv');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('is documented as a second media type, next to working examples for the bulk bodies', async () => {
    const { body: openApi } = await t.http('anonymous').get('/docs-json').expect(200);
    for (const path of ['/api/v1/servers', '/api/v1/applications']) {
      expect(Object.keys(openApi.paths[path].get.responses['200'].content)).toEqual([
        'application/json',
        'text/csv',
      ]);
    }
    const schemas = openApi.components.schemas;
    const example = schemas.BulkRegisterServersRequest.properties.items.example;
    const registered = await t.http().post(`${SERVERS}/bulk`).send({ items: example });
    expect(registered.status).toBe(201);
    expect(schemas.BulkModifyServersRequest.properties.items.example).toHaveLength(2);
    expect(schemas.BulkDiscardServersRequest.properties.ids.example).toHaveLength(2);
  });
});
