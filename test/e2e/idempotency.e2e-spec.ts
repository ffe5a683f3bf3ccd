import { expectProblem } from '../support/problem';
import { useTestApp } from '../support/test-app';

const BASE = '/api/v1/applications';

describe('Idempotency-Key on POST', () => {
  const t = useTestApp();

  /** A POST of `body` under the idempotency `key`, as a client retrying it would send it. */
  const postWithKey = (key: string, body: object) =>
    t.http().post(BASE).set('Idempotency-Key', key).send(body);

  const count = async (name: string) =>
    Number(
      (await t.dataSource.query('SELECT COUNT(*) AS n FROM applications WHERE name = ?', [name]))[0]
        .n,
    );

  it('replays the first response for a repeat with the same body, and creates nothing more', async () => {
    const body = { name: 'idem-a', version: '1', architecture: 'x86_64' };
    const first = await postWithKey('key-a', body).expect(201);

    const again = await postWithKey('key-a', {
      architecture: 'x86_64',
      version: '1',
      name: 'idem-a',
    }).expect(201);

    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count('idem-a')).toBe(1);
    const events = await t.dataSource.query('SELECT id FROM outbox WHERE aggregate_id = ?', [
      first.body.id,
    ]);
    expect(events).toHaveLength(1);
  });

  it('answers 422 to the same key with another body, and creates nothing', async () => {
    await postWithKey('key-b', { name: 'idem-b', version: '1', architecture: 'x' }).expect(201);
    const response = await postWithKey('key-b', {
      name: 'idem-b2',
      version: '1',
      architecture: 'x',
    });
    expectProblem(response, 422);
    expect(await count('idem-b2')).toBe(0);
  });

  it('runs identical concurrent requests once', async () => {
    const body = { name: 'idem-c', version: '1', architecture: 'x86_64' };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => postWithKey('key-c', body)),
    );
    expect(responses.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await count('idem-c')).toBe(1);
  });

  it('does not remember a failed request: the client may retry the same key', async () => {
    await postWithKey('key-d', { name: '', version: '1', architecture: 'x' }).expect(400);
    await postWithKey('key-d', { name: 'idem-d', version: '1', architecture: 'x' }).expect(201);
  });

  it('keeps keys per caller: another subject with the same key gets its own request', async () => {
    const body = { name: 'idem-e', version: '1', architecture: 'x' };
    await t
      .http('editor', 'alice')
      .post(BASE)
      .set('Idempotency-Key', 'shared')
      .send(body)
      .expect(201);
    expectProblem(
      await t.http('editor', 'bob').post(BASE).set('Idempotency-Key', 'shared').send(body),
      409,
    );
  });

  it('rejects a malformed key with 400', async () => {
    const problem = expectProblem(
      await postWithKey('x'.repeat(256), { name: 'idem-f', version: '1', architecture: 'x' }),
      400,
    );
    expect(problem.errors?.[0].field).toBe('Idempotency-Key');
  });
});
