import { startTestApp, TestApp } from '../support/test-app';

describe('Applications API (MariaDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('registers an application and reads it back with its ETag', async () => {
    const created = await t
      .http()
      .post('/api/v1/applications')
      .send({ name: ' nginx ', version: '1.27.3', architecture: 'x86_64' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'nginx', revision: 1, discarded: false });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/applications/${created.body.id}`);

    const read = await t.http().get(created.headers.location).expect(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.etag).toBe('"1"');
  });
});
