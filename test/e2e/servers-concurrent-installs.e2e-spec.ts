import { registerApplication, registerServer, SERVERS } from '../support/servers';
import { useTestApp } from '../support/test-app';

const SERVER_COUNT = 120;
const APPLICATION_COUNT = 4;
const IN_FLIGHT = 32;

/**
 * Issue 9: installing the same catalogue applications on many servers at once, each server's
 * installs one after the other, used to deadlock in MariaDB and answer 500. Every install
 * must succeed, once, with one event each.
 */
describe('Concurrent installs of the same applications on many servers (MariaDB)', () => {
  const t = useTestApp();

  it('installs every application on every server with no 5xx', async () => {
    const applications: string[] = [];
    for (let n = 0; n < APPLICATION_COUNT; n += 1) applications.push(await registerApplication(t));
    const servers: string[] = [];
    for (let n = 0; n < SERVER_COUNT; n += 1) servers.push((await registerServer(t)).id);

    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < servers.length) {
        const server = servers[next++];
        for (const application of applications) {
          const { status } = await t
            .http('editor')
            .put(`${SERVERS}/${server}/applications/${application}`)
            .send({ installDir: `/opt/${application}` });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    expect(Object.fromEntries(statuses)).toEqual({ 201: SERVER_COUNT * APPLICATION_COUNT });
    const [{ installed }] = await t.dataSource.query(
      'SELECT COUNT(*) AS installed FROM server_applications',
    );
    expect(Number(installed)).toBe(SERVER_COUNT * APPLICATION_COUNT);
    const [{ events }] = await t.dataSource.query(
      "SELECT COUNT(*) AS events FROM outbox WHERE type = 'server.server.application_installed'",
    );
    expect(Number(events)).toBe(SERVER_COUNT * APPLICATION_COUNT);
  }, 180_000);
});
