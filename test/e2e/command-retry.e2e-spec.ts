import { setTimeout as delay } from 'node:timers/promises';
import { Connection, createConnection } from 'mysql2/promise';
import { Metrics } from '@servertree/platform';
import { registerApplication, registerServer, SERVERS } from '../support/servers';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §7: a write that loses a deadlock (on Galera: a certification conflict, reported the
 * same way) is retried as a whole command. Here a second transaction closes a real lock cycle
 * with an install, and is made heavier so that InnoDB picks the install as the victim.
 */
describe('A command that loses a deadlock runs again as a whole (MariaDB)', () => {
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

  /** Whether the install is running its share-locking read of the application, i.e. waiting for our lock. */
  async function installWaiting(applicationId: string): Promise<boolean> {
    const [rows] = await side.query(
      'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST ' +
        'WHERE ID <> CONNECTION_ID() AND INFO LIKE ?',
      [`SELECT %FROM applications%${applicationId}%`],
    );
    return Number((rows as { n: number }[])[0].n) > 0;
  }

  it('succeeds once, with one event, after InnoDB rolled its first attempt back', async () => {
    const application = await registerApplication(t);
    const server = await registerServer(t);
    const retries = async () =>
      (await t.app.get(Metrics).transactionRetries.get()).values[0]?.value ?? 0;
    const retriedBefore = await retries();

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
    expect((await retries()) - retriedBefore).toBe(1);
    const events = await t.dataSource.query(
      'SELECT type, aggregate_revision AS revision FROM outbox WHERE aggregate_id = ? ORDER BY sequence',
      [server.id],
    );
    expect(events).toEqual([
      { type: 'server.server.registered', revision: 1 },
      { type: 'server.server.application_installed', revision: 2 },
    ]);
  }, 60_000);
});
