import { EventBus } from '@nestjs/cqrs';
import { Response } from 'supertest';
import { aCredential, postServer, SERVERS } from '../support/servers';
import { LogCapture } from '../support/log-capture';
import { startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'Tr0ub4dor&3-leak-canary-41c7';
const REPLACEMENT = 'c0rrect-h0rse-leak-canary-93ab';

/** The password as written, and encoded the ways a careless implementation might store it. */
const leaksOf = (text: string): string[] =>
  [PASSWORD, REPLACEMENT].flatMap((secret) =>
    [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex')].filter(
      (form) => text.includes(form),
    ),
  );

/**
 * A whole run through every endpoint that takes a password, the failing requests included,
 * with the most talkative log level: afterwards the password is searched in every answer,
 * every stored event, every table and every log line. It must turn up in the reveal only; the
 * bearer tokens of those requests must turn up in no log line.
 */
describe('Credential passwords (MariaDB)', () => {
  let t: TestApp;
  const logs = new LogCapture();
  const published: unknown[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'debug' }, logs });
    t.app.get(EventBus).subscribe((event) => published.push(event));
  });

  afterAll(async () => {
    await t?.close();
  });

  async function everyTable(): Promise<string> {
    const tables: Record<string, string>[] = await t.dataSource.query('SHOW TABLES');
    const dumps = await Promise.all(
      tables.map((row) => t.dataSource.query(`SELECT * FROM \`${Object.values(row)[0]}\``)),
    );
    return JSON.stringify(dumps);
  }

  it('appears in the reveal answer and nowhere else', async () => {
    const answers: Response[] = [];
    const send = async (request: Promise<Response>) => {
      const response = await request;
      answers.push(response);
      return response;
    };
    const credential = aCredential({ password: PASSWORD });

    const server = await send(postServer(t, { credentials: [credential] }));
    expect(server.status).toBe(201);
    const path = `${SERVERS}/${server.body.id}`;
    const credentialPath = `${path}/credentials/${server.body.credentials[0].id}`;
    const refusals = [
      // Invalid elsewhere, password fine: the problem must not quote the request.
      postServer(t, { name: '', credentials: [credential] }),
      postServer(t, { credentials: [{ ...credential, localIp: 'x' }] }),
      t.http().post(`${path}/credentials`).send(credential),
      t
        .http()
        .post(`${path}/credentials`)
        .send({ ...credential, username: 'x', localPort: -1 }),
      t
        .http()
        .post(`${path}/credentials`)
        .send({ ...credential, username: 'x', extra: 1 }),
      // The password itself invalid: the problem must say so without quoting it.
      t
        .http()
        .patch(credentialPath)
        .send({ password: PASSWORD.repeat(40) }),
      t.http().patch(credentialPath).send({ password: REPLACEMENT, localPort: 0 }),
      t.http().patch(credentialPath).set('If-Match', '"9"').send({ password: REPLACEMENT }),
      t.http('editor').post(`${credentialPath}/reveal`),
    ];
    for (const refusal of refusals) {
      expect((await send(refusal)).status).toBeGreaterThanOrEqual(400);
    }

    await send(
      t
        .http()
        .post(`${path}/credentials`)
        .set('Idempotency-Key', 'second-credential')
        .send({ ...credential, username: 'ops' }),
    );
    expect(
      (await send(t.http().patch(credentialPath).send({ password: REPLACEMENT }))).status,
    ).toBe(200);
    await send(t.http().get(path));
    await send(t.http().get(SERVERS));
    await send(t.http().get(`${path}/events`));

    const revealed = await t.http().post(`${credentialPath}/reveal`).expect(200);
    expect(revealed.body).toEqual({ password: REPLACEMENT });
    // The search below would find it, as it finds it here.
    expect(leaksOf(revealed.text)).toEqual([REPLACEMENT]);

    const everywhere = {
      answers: answers.map((answer) => JSON.stringify([answer.headers, answer.text])),
      events: JSON.stringify(await t.dataSource.query('SELECT * FROM outbox')),
      published: JSON.stringify(published),
      tables: await everyTable(),
      logs: logs.lines.join('\n'),
    };
    expect(answers.length).toBeGreaterThan(10);
    expect(published.length).toBeGreaterThan(3);
    expect(logs.records().length).toBeGreaterThan(answers.length);
    expect(Object.values(everywhere).flat().flatMap(leaksOf)).toEqual([]);
    // Every request above carried a bearer JWT (header "eyJ..."); none may reach a log line.
    expect(logs.lines.filter((line) => /eyJ|Bearer/.test(line))).toEqual([]);
  });
});
