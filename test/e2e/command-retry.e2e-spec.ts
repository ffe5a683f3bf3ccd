import { setTimeout as delay } from 'node:timers/promises';
import { Connection, createConnection } from 'mysql2/promise';
import { APPLICATIONS, registerApplication, registerServer, SERVERS } from '../support/servers';
import { startTestApp, TestApp } from '../support/test-app';
import { transactionRetries } from '../support/transaction-retries';

/**
 * SPEC §7: a write that loses a deadlock (on Galera: a certification conflict, reported the
 * same way) is retried as a whole command. Here a second transaction closes a real lock cycle
 * with an install, and is made heavier so that InnoDB picks the install as the victim.
 * SPEC §3: the loser of two concurrent writes "gets 409 (or is retried internally)" - a lost
 * revision check is retried the same way, and If-Match then decides on the new revision.
 */
describe('A command that loses to a concurrent writer runs again as a whole (MariaDB)', () => {
  let t: TestApp;
  let side: Connection;

  beforeAll(async () => {
    t = await startTestApp();
    if (t.config.database.kind !== 'mysql') throw new Error('needs MariaDB');
    side = await createConnection(t.config.database.url);
    await side.query('CREATE TABLE ballast (n INT PRIMARY KEY)');
  });

  afterAll(async () => {
    await side?.end();
    await t?.close();
  });

  /** Whether a statement like `pattern` is running on another connection (waiting for our lock). */
  async function running(pattern: string): Promise<boolean> {
    const [rows] = await side.query(
      'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST ' +
        'WHERE ID <> CONNECTION_ID() AND INFO LIKE ?',
      [pattern],
    );
    return Number((rows as { n: number }[])[0].n) > 0;
  }

  /** Whether the install is running its share-locking read of the application. */
  const installWaiting = (applicationId: string) =>
    running(`SELECT %FROM applications%${applicationId}%`);

  it('succeeds once, with one event, after InnoDB rolled its first attempt back', async () => {
    const application = await registerApplication(t);
    const server = await registerServer(t);
    const retriedBefore = await transactionRetries(t);

    await side.query('START TRANSACTION');
    await side.query(
      `INSERT INTO ballast VALUES ${Array.from({ length: 200 }, (_, n) => `(${n})`).join(', ')}`,
    );
    await side.query('UPDATE applications SET name = name WHERE id = ?', [application]);

    // The install locks the server row, then waits to share-lock the application held above...
    const install = t
      .http('editor')
      .put(`${SERVERS}/${server.id}/applications/${application}`)
      .send({ installDir: '/opt/app' })
      .then((response) => response);
    const deadline = Date.now() + 20_000;
    while (!(await installWaiting(application))) {
      if (Date.now() > deadline)
        throw new Error('the install never waited for the application row');
      await delay(20);
    }
    // ...and this lock of the server closes the cycle (no command locks in this order): InnoDB
    // rolls the lighter install back and lets this statement through. Without the retry the
    // install would answer 500.
    await side.query('SELECT id FROM servers WHERE id = ? FOR UPDATE', [server.id]);
    await side.query('ROLLBACK');

    const response = await install;
    expect(response.status).toBe(201);
    expect(response.body.revision).toBe(2);
    expect((await transactionRetries(t)) - retriedBefore).toBe(1);
    const events = await t.dataSource.query(
      'SELECT type, aggregate_revision AS revision FROM outbox WHERE aggregate_id = ? ORDER BY sequence',
      [server.id],
    );
    expect(events).toEqual([
      { type: 'server.server.registered', revision: 1 },
      { type: 'server.server.application_installed', revision: 2 },
    ]);
  }, 60_000);

  /**
   * Server commands lock their rows on load and take turns (ADR 4), so on one MariaDB server a
   * lost revision check shows on a catalogue application, which keeps optimistic checks only
   * (on Galera, row locks are node-local, and servers lose it the same way). This holds the
   * application row while `write` loads revision 1 and waits to update it, then commits a change
   * of its own as another instance would (architecture arm64, revision 2): the write's
   * `UPDATE ... WHERE revision = 1` then matches no row - its revision check is lost.
   */
  async function loseRevisionCheck(
    applicationId: string,
    write: () => PromiseLike<{ status: number; body: Record<string, unknown> }>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    await side.query('START TRANSACTION');
    await side.query('SELECT id FROM applications WHERE id = ? FOR UPDATE', [applicationId]);
    // supertest sends the request only once it is awaited (then is called).
    const response = Promise.resolve(write());
    const updating = () => running(`UPDATE \`applications\`%${applicationId}%`);
    const deadline = Date.now() + 20_000;
    while (!(await updating())) {
      if (Date.now() > deadline) throw new Error('the write never waited for the application row');
      await delay(20);
    }
    await side.query(
      "UPDATE applications SET architecture = 'arm64', revision = revision + 1 WHERE id = ?",
      [applicationId],
    );
    await side.query('COMMIT');
    return response;
  }

  it('runs a write that lost its revision check again on the new revision: both changes stay', async () => {
    const application = await registerApplication(t);

    const response = await loseRevisionCheck(application, () =>
      t.http('editor').patch(`${APPLICATIONS}/${application}`).send({ version: '2.0' }),
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ revision: 3, version: '2.0', architecture: 'arm64' });
  }, 60_000);

  it('answers 412 to a conditional write whose revision check was lost: If-Match no longer matches', async () => {
    const application = await registerApplication(t);

    const response = await loseRevisionCheck(application, () =>
      t
        .http('editor')
        .patch(`${APPLICATIONS}/${application}`)
        .set('If-Match', '"1"')
        .send({ version: '2.0' }),
    );

    expect(response.status).toBe(412);
    const read = await t.http().get(`${APPLICATIONS}/${application}`).expect(200);
    expect(read.body).toMatchObject({ revision: 2, architecture: 'arm64' });
    expect(read.body.version).not.toBe('2.0');
  }, 60_000);
});
