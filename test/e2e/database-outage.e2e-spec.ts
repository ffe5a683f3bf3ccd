import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';

const BASE = '/api/v1/applications';

/** The database goes away (the proxy in front of MariaDB is cut) and comes back. */
describe('database outage', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    proxy = await TcpProxy.start('mysql://127.0.0.1:3306');
    t = await startTestApp({ databaseUrl: (url) => proxy.urlFor(url) });
  });

  afterAll(async () => {
    await proxy?.closeWith(t);
  });

  it('answers 503 with Retry-After while the database is unreachable, and recovers when it is back', async () => {
    await t.http().post(BASE).send({ name: 'before', version: '1', architecture: 'x' }).expect(201);

    await proxy.cut();
    const read = await t.http().get(BASE);
    expectProblem(read, 503);
    expect(read.headers['retry-after']).toBe('5');
    expect(JSON.stringify(read.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|mysql/i);
    expectProblem(
      await t.http().post(BASE).send({ name: 'during', version: '1', architecture: 'x' }),
      503,
    );
    await t.http('anonymous').get('/health/ready').expect(503);
    await t.http('anonymous').get('/health/live').expect(200);

    await proxy.restore();
    const names = async () => {
      const response = await t.http().get(BASE);
      return response.status === 200
        ? response.body.items.map((i: { name: string }) => i.name)
        : [];
    };
    await eventually(async () => expect(await names()).toEqual(['before']));
    await t.http().post(BASE).send({ name: 'after', version: '1', architecture: 'x' }).expect(201);
  });
});
