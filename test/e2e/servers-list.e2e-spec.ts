import { EntitySubscriberInterface } from 'typeorm';
import { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { expectProblem } from '../support/problem';
import { aCredential, aServer, registerApplication, SERVERS } from '../support/servers';
import { startTestApp, TestApp } from '../support/test-app';

const os = (name: string, version: string, architecture = 'x86_64') => ({
  name,
  version,
  architecture,
});

/**
 * Lists answer the same on both databases the service runs on, so every scenario runs on
 * each. Registration order is the default order, so expected names read top to bottom.
 */
describe.each(['mysql', 'sqlite'] as const)('GET /servers on %s', (database) => {
  let t: TestApp;
  let appA: string;
  let appB: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ database });
    appA = await registerApplication(t);
    appB = await registerApplication(t);
    const fleet: [string, Record<string, unknown>, string[]][] = [
      [
        'alpha-web',
        { cpuCores: 4, ramMb: 8192, diskGb: 100, operatingSystem: os('Ubuntu', '24.04') },
        [appA],
      ],
      [
        'beta-web',
        {
          cpuCores: 16,
          ramMb: 65536,
          diskGb: 1000,
          operatingSystem: os('Ubuntu', '22.04', 'arm64'),
        },
        [appA, appB],
      ],
      [
        'gamma-db',
        {
          environment: 'staging',
          cpuCores: 9,
          ramMb: 16384,
          diskGb: null,
          operatingSystem: os('Debian', '12'),
        },
        [appB],
      ],
      [
        'delta_50%',
        {
          environment: 'staging',
          cpuCores: 100,
          ramMb: null,
          diskGb: 500,
          operatingSystem: os('Windows Server', '2022'),
        },
        [],
      ],
      [
        'epsilon',
        {
          environment: 'dev',
          cpuCores: null,
          ramMb: 2048,
          diskGb: null,
          operatingSystem: os('Rocky', '9'),
        },
        [],
      ],
      ['zeta-old', {}, [appA]],
    ];
    for (const [name, fields, applications] of fleet) {
      const body = aServer({
        name,
        ...fields,
        applications: applications.map((applicationId) => ({
          applicationId,
          installDir: '/opt/a',
        })),
      });
      ids[name] = (await t.http().post(SERVERS).send(body).expect(201)).body.id;
    }
    await t.http().put(`${SERVERS}/${ids['alpha-web']}/status`).send({ status: 'running' });
    await t.http().put(`${SERVERS}/${ids['delta_50%']}/status`).send({ status: 'error' });
    await t.http().delete(`${SERVERS}/${ids['zeta-old']}`).expect(204);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function names(query: Record<string, string | string[]>): Promise<string[]> {
    const response = await t.http().get(SERVERS).query(query).expect(200);
    return response.body.items.map((item: { name: string }) => item.name);
  }

  const LIVE = ['alpha-web', 'beta-web', 'gamma-db', 'delta_50%', 'epsilon'];

  it('lists live servers, oldest first, as whole resources', async () => {
    const response = await t.http().get(SERVERS).expect(200);
    expect(response.body).toMatchObject({
      total: 5,
      limit: 25,
      offset: 0,
      next: null,
      previous: null,
    });
    expect(response.body.items.map((item: { name: string }) => item.name)).toEqual(LIVE);
    const [alpha] = response.body.items;
    expect(alpha).toMatchObject({ status: 'running', credentials: [] });
    expect(alpha.applications).toEqual([expect.objectContaining({ applicationId: appA })]);
  });

  it('shows discarded servers only when discarded is filtered', async () => {
    expect(await names({ discarded: 'true' })).toEqual(['zeta-old']);
    expect(await names({ discarded: ['true', 'false'] })).toEqual([...LIVE, 'zeta-old']);
  });

  it.each([
    [{ name: 'ALPHA-WEB' }, ['alpha-web']],
    [{ name__ic: 'WEB' }, ['alpha-web', 'beta-web']],
    [{ name__isw: 'G' }, ['gamma-db']],
    [{ name__n: ['alpha-web', 'beta-web'] }, ['gamma-db', 'delta_50%', 'epsilon']],
    [{ q: 'web' }, ['alpha-web', 'beta-web']],
    [{ q: '_50%' }, ['delta_50%']],
    [{ name__ic: '%' }, ['delta_50%']],
    [{ environment: ['staging', 'dev'] }, ['gamma-db', 'delta_50%', 'epsilon']],
    [{ environment__n: 'production' }, ['gamma-db', 'delta_50%', 'epsilon']],
    [{ status: 'RUNNING' }, ['alpha-web']],
    [{ status__n: 'stopped' }, ['alpha-web', 'delta_50%']],
    [{ 'operatingSystem.name': 'ubuntu' }, ['alpha-web', 'beta-web']],
    [{ 'operatingSystem.version__isw': '2' }, ['alpha-web', 'beta-web', 'delta_50%']],
    [{ 'operatingSystem.architecture': 'ARM64' }, ['beta-web']],
    [{ cpuCores__gt: '9' }, ['beta-web', 'delta_50%']],
    [{ cpuCores__lte: '9' }, ['alpha-web', 'gamma-db']],
    [{ cpuCores__n: '4' }, ['beta-web', 'gamma-db', 'delta_50%', 'epsilon']],
    [{ ramMb__gte: '16384', ramMb__lt: '65536' }, ['gamma-db']],
    [{ ramMb: ['2048', '8192'] }, ['alpha-web', 'epsilon']],
    [{ diskGb__gte: '500' }, ['beta-web', 'delta_50%']],
    [{ revision__gt: '1' }, ['alpha-web', 'delta_50%']],
  ])('filters %j', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('filters by installed application, ORing values and ANDing other filters', async () => {
    expect(await names({ applicationId: appA })).toEqual(['alpha-web', 'beta-web']);
    expect(await names({ applicationId: [appA, appB] })).toEqual([
      'alpha-web',
      'beta-web',
      'gamma-db',
    ]);
    expect(await names({ applicationId__n: appA })).toEqual(['gamma-db', 'delta_50%', 'epsilon']);
    expect(await names({ applicationId: appB, cpuCores__gt: '9' })).toEqual(['beta-web']);
    expect(await names({ applicationId: appA.toUpperCase(), discarded: 'true' })).toEqual([
      'zeta-old',
    ]);
  });

  it('filters by date-time', async () => {
    const gamma = (await t.http().get(`${SERVERS}/${ids['gamma-db']}`)).body;
    expect(await names({ createdAt__gte: gamma.createdAt })).toEqual([
      'gamma-db',
      'delta_50%',
      'epsilon',
    ]);
    expect(await names({ createdAt: gamma.createdAt })).toEqual(['gamma-db']);
  });

  it.each([
    ['-cpuCores,name', ['delta_50%', 'beta-web', 'gamma-db', 'alpha-web', 'epsilon']],
    ['ramMb', ['delta_50%', 'epsilon', 'alpha-web', 'gamma-db', 'beta-web']],
    ['operatingSystem.name,-name', ['gamma-db', 'epsilon', 'beta-web', 'alpha-web', 'delta_50%']],
    ['-environment,-createdAt', ['delta_50%', 'gamma-db', 'beta-web', 'alpha-web', 'epsilon']],
  ])('sorts by %s', async (ordering, expected) => {
    expect(await names({ ordering })).toEqual(expected);
  });

  it('pages with links to the neighbouring pages', async () => {
    const first = await t.http().get(SERVERS).query({ limit: '2', ordering: 'name' }).expect(200);
    expect(first.body).toMatchObject({
      total: 5,
      limit: 2,
      offset: 0,
      previous: null,
      next: `${SERVERS}?ordering=name&limit=2&offset=2`,
    });
    const last = await t.http().get(SERVERS).query({ limit: '2', offset: '4', ordering: 'name' });
    expect(last.body.items.map((item: { name: string }) => item.name)).toEqual(['gamma-db']);
    expect(last.body).toMatchObject({
      next: null,
      previous: `${SERVERS}?ordering=name&limit=2&offset=2`,
    });
  });

  it.each([
    [{ colour: 'red' }, 'colour'],
    [{ cpuCores__ic: '4' }, 'cpuCores__ic'],
    [{ cpuCores: 'four' }, 'cpuCores'],
    [{ applicationId: 'nginx' }, 'applicationId'],
    [{ 'operatingSystem.kernel': '6' }, 'operatingSystem.kernel'],
    [{ ordering: 'applicationId' }, 'ordering'],
    [{ ordering: 'credentials' }, 'ordering'],
    [{ limit: '0' }, 'limit'],
    [{ createdAt__gt: 'yesterday' }, 'createdAt__gt'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const problem = expectProblem(await t.http().get(SERVERS).query(query), 400);
    expect(problem.errors?.map((error) => error.field)).toEqual([field]);
  });

  describe('statements per answer', () => {
    let statements: string[];

    beforeAll(async () => {
      for (let i = 0; i < 25; i++) {
        const body = aServer({
          environment: 'bulk',
          credentials: [aCredential(), aCredential({ connectionType: 'rdp' })],
          applications: [appA, appB].map((applicationId) => ({
            applicationId,
            installDir: '/opt',
          })),
        });
        await t.http().post(SERVERS).send(body).expect(201);
      }
      const counter: EntitySubscriberInterface = {
        beforeQuery: (event: BeforeQueryEvent<unknown>) => {
          // Only the server tables: the outbox relay queries on its own schedule meanwhile.
          if (/\bserver(s|_credentials|_applications)\b/.test(event.query)) {
            statements.push(event.query);
          }
        },
      };
      t.dataSource.subscribers.push(counter);
    });

    async function countStatements(path: string, query: Record<string, string> = {}) {
      statements = [];
      const response = await t.http().get(path).query(query).expect(200);
      return { response, count: statements.length };
    }

    it('are the same few for a page of 25 servers as for a page of 1: no N+1', async () => {
      const full = await countStatements(SERVERS, { environment: 'bulk', limit: '25' });
      expect(full.response.body.items).toHaveLength(25);
      for (const item of full.response.body.items) {
        expect(item.credentials).toHaveLength(2);
        expect(item.applications).toHaveLength(2);
      }
      // The page with every server's children as JSON, and its count.
      expect(full.count).toBe(2);

      const single = await countStatements(SERVERS, { environment: 'bulk', limit: '1' });
      expect(single.count).toBe(full.count);
    });

    it('is one for one server, its credentials, installations and tags', async () => {
      const { count } = await countStatements(`${SERVERS}/${ids['beta-web']}`);
      expect(count).toBe(1);
    });
  });
});
