import { registerApplication, registerServer, SERVERS } from '../support/servers';
import { useTestApp } from '../support/test-app';
import { transactionRetries } from '../support/transaction-retries';

/**
 * Issue 9 and issue 8: installing the same catalogue applications on many servers at once used
 * to deadlock in MariaDB and answer 500; then the unit of work's whole-command retry hid the
 * deadlocks. Every install must succeed, once, with one event each, and with no transaction
 * lost to another: `servertree_transaction_retries_total` stays where it was, so a lock-order
 * cycle fails these tests even when the retry would have saved the answer.
 */
describe('Concurrent installs of the same applications (MariaDB)', () => {
  const t = useTestApp();

  const retries = () => transactionRetries(t);

  async function registerServers(count: number): Promise<string[]> {
    const servers: string[] = [];
    for (let n = 0; n < count; n += 1) servers.push((await registerServer(t)).id);
    return servers;
  }

  /** Sends every install with at most `inFlight` at a time; answers the count per status. */
  async function installAll(
    installs: readonly { server: string; application: string }[],
    inFlight: number,
  ): Promise<Record<number, number>> {
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < installs.length) {
        const { server, application } = installs[next++];
        const { status } = await t
          .http('editor')
          .put(`${SERVERS}/${server}/applications/${application}`)
          .send({ installDir: `/opt/${application}` });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return Object.fromEntries(statuses);
  }

  async function installedEvents(servers: readonly string[]): Promise<number> {
    const [{ events }] = await t.dataSource.query(
      'SELECT COUNT(*) AS events FROM outbox ' +
        "WHERE type = 'server.server.application_installed' AND aggregate_id IN (?)",
      [servers],
    );
    return Number(events);
  }

  it('installs one application on 128 servers at once, 128 in flight, with no retry', async () => {
    const application = await registerApplication(t);
    const servers = await registerServers(128);
    const retriedBefore = await retries();

    const statuses = await installAll(
      servers.map((server) => ({ server, application })),
      128,
    );

    expect(statuses).toEqual({ 201: 128 });
    expect((await retries()) - retriedBefore).toBe(0);
    const [{ installed }] = await t.dataSource.query(
      'SELECT COUNT(*) AS installed FROM server_applications WHERE application_id = ?',
      [application],
    );
    expect(Number(installed)).toBe(128);
    expect(await installedEvents(servers)).toBe(128);
  }, 180_000);

  it('installs several applications on one server at once, each exactly once, with no retry', async () => {
    const applications: string[] = [];
    for (let n = 0; n < 8; n += 1) applications.push(await registerApplication(t));
    const [server] = await registerServers(1);
    const retriedBefore = await retries();

    const statuses = await installAll(
      applications.map((application) => ({ server, application })),
      applications.length,
    );

    expect(statuses).toEqual({ 201: applications.length });
    expect((await retries()) - retriedBefore).toBe(0);
    const { body } = await t.http().get(`${SERVERS}/${server}`).expect(200);
    expect(body.revision).toBe(1 + applications.length);
    expect(body.applications.map((a: { applicationId: string }) => a.applicationId).sort()).toEqual(
      [...applications].sort(),
    );
    expect(await installedEvents([server])).toBe(applications.length);
  }, 120_000);

  it.each([32, 128])(
    'installs 4 applications on each of 120 servers, %i in flight, with no 5xx and no retry',
    async (inFlight) => {
      const applications: string[] = [];
      for (let n = 0; n < 4; n += 1) applications.push(await registerApplication(t));
      const servers = await registerServers(120);
      const retriedBefore = await retries();

      // Each server's installs one after the other in one worker; many servers at once.
      const installs = servers.flatMap((server) =>
        applications.map((application) => ({ server, application })),
      );
      const statuses = await installAll(installs, inFlight);

      expect(statuses).toEqual({ 201: installs.length });
      expect((await retries()) - retriedBefore).toBe(0);
      expect(await installedEvents(servers)).toBe(installs.length);
    },
    240_000,
  );
});
