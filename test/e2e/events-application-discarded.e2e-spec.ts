import { CommandBus } from '@nestjs/cqrs';
import { eventually } from '../support/eventually';
import { TestBroker, TestQueue } from '../support/rabbitmq';
import { APPLICATIONS, registerApplication, registerServer, SERVERS } from '../support/servers';
import { TestApp, useTestApp, useTestAppOnBroker } from '../support/test-app';

interface InstalledApplication {
  readonly applicationId: string;
}

/**
 * SPEC §2.2: when an application is discarded, every server uninstalls it, each in an event of
 * its own that carries the discard's correlation id and actor - through the durable path.
 */
async function expectUninstalledEverywhere(t: TestApp, broker?: TestBroker): Promise<void> {
  const nginx = await registerApplication(t);
  const redis = await registerApplication(t);
  const install = (...ids: string[]) =>
    ids.map((applicationId) => ({ applicationId, installDir: `/opt/${applicationId}` }));
  const both = await registerServer(t, { applications: install(nginx, redis) });
  const onlyNginx = await registerServer(t, { applications: install(nginx) });
  const onlyRedis = await registerServer(t, { applications: install(redis) });
  const queue: TestQueue | undefined = await broker?.listen(
    'server.server.application_uninstalled',
  );

  await t
    .http('editor', 'dora')
    .delete(`${APPLICATIONS}/${nginx}`)
    .set('X-Request-ID', 'req-discard-nginx')
    .expect(204);

  const applicationsOf = async (id: string) => {
    const { body } = await t.http().get(`${SERVERS}/${id}`).expect(200);
    return {
      revision: body.revision,
      applications: body.applications.map((a: InstalledApplication) => a.applicationId),
    };
  };
  await eventually(async () => {
    expect(await applicationsOf(both.id)).toEqual({ revision: 2, applications: [redis] });
    expect(await applicationsOf(onlyNginx.id)).toEqual({ revision: 2, applications: [] });
  });
  expect(await applicationsOf(onlyRedis.id)).toEqual({ revision: 1, applications: [redis] });

  for (const server of [both, onlyNginx]) {
    const { body } = await t.http().get(`${SERVERS}/${server.id}/events`).expect(200);
    expect(body.items[1]).toMatchObject({
      type: 'server.server.application_uninstalled',
      subject: server.id,
      aggregaterevision: 2,
      correlationid: 'req-discard-nginx',
      actor: 'dora',
      data: { applicationId: nginx, reason: 'application_discarded' },
    });
  }
  if (queue) {
    const messages = await queue.atLeast(2);
    expect(messages.map((m) => m.event.subject).sort()).toEqual([both.id, onlyNginx.id].sort());
  }
}

describe('Discarding an application uninstalls it from servers (MariaDB + RabbitMQ)', () => {
  const { t, broker } = useTestAppOnBroker('application_discarded');

  it('uninstalls it from every server that has it, each with an event of its own', async () => {
    await expectUninstalledEverywhere(t, broker);
  });

  it('changes nothing when the discard is delivered again', async () => {
    const app = await registerApplication(t);
    const server = await registerServer(t, {
      applications: [{ applicationId: app, installDir: '/opt/memcached' }],
    });
    await t.http().delete(`${APPLICATIONS}/${app}`).expect(204);
    await eventually(async () => {
      const { body } = await t.http().get(`${SERVERS}/${server.id}`).expect(200);
      expect(body.revision).toBe(2);
    });
    const { body: history } = await t.http().get(`${APPLICATIONS}/${app}/events`).expect(200);
    const discarded = history.items[1];
    expect(discarded.type).toBe('server.application.discarded');

    const before = await t.http().get(`${SERVERS}/${server.id}/events`).expect(200);

    // The consumer queue is bound to the exchange: these reach it like the original did.
    await broker.publish(discarded.type, discarded, discarded.id);
    await broker.publish(discarded.type, discarded, discarded.id);
    // Another discard goes through the same queue after the duplicates: once its reaction is
    // done, so is theirs.
    await expectUninstalledEverywhere(t);

    const after = await t.http().get(`${SERVERS}/${server.id}/events`).expect(200);
    expect(after.body.items).toEqual(before.body.items);
    const processed = await t.dataSource.query('SELECT consumer FROM inbox WHERE event_id = ?', [
      discarded.id,
    ]);
    expect(processed).toEqual([{ consumer: 'servers.application-discarded' }]);
  });

  it('finishes a reaction interrupted half-way on redelivery, one uninstall per server', async () => {
    const app = await registerApplication(t);
    const servers = await Promise.all(
      [1, 2, 3].map(() =>
        registerServer(t, { applications: [{ applicationId: app, installDir: '/opt/varnish' }] }),
      ),
    );
    const commandBus = t.app.get(CommandBus);
    const execute = commandBus.execute.bind(commandBus);
    const revisionsAtInterruption: number[] = [];
    let uninstalls = 0;
    // The second uninstall of this discard fails once, after the first one has committed.
    const interrupt = jest.spyOn(commandBus, 'execute').mockImplementation(async (command) => {
      const { applicationId, reason } = command as { applicationId?: string; reason?: string };
      if (applicationId === app && reason === 'application_discarded' && ++uninstalls === 2) {
        const rows: { revision: number }[] = await t.dataSource.query(
          'SELECT revision FROM servers WHERE id IN (?, ?, ?)',
          servers.map((server) => server.id),
        );
        revisionsAtInterruption.push(...rows.map((row) => Number(row.revision)));
        throw new Error('interrupted half-way');
      }
      return execute(command);
    });
    try {
      await t.http().delete(`${APPLICATIONS}/${app}`).expect(204);
      await eventually(async () => {
        for (const server of servers) {
          const { body } = await t.http().get(`${SERVERS}/${server.id}`).expect(200);
          expect(body).toMatchObject({ revision: 2, applications: [] });
        }
      });
    } finally {
      interrupt.mockRestore();
    }

    // One server had committed its uninstall when the reaction broke off; the others had not.
    expect(revisionsAtInterruption.sort()).toEqual([1, 1, 2]);
    for (const server of servers) {
      const { body } = await t.http().get(`${SERVERS}/${server.id}/events`).expect(200);
      const uninstalled = body.items.filter(
        (e: { type: string }) => e.type === 'server.server.application_uninstalled',
      );
      expect(uninstalled).toHaveLength(1);
    }
    const { body: history } = await t.http().get(`${APPLICATIONS}/${app}/events`).expect(200);
    const processed = await t.dataSource.query('SELECT consumer FROM inbox WHERE event_id = ?', [
      history.items[1].id,
    ]);
    expect(processed).toEqual([{ consumer: 'servers.application-discarded' }]);
  });
});

describe('Discarding an application uninstalls it from servers (SQLite, in-process)', () => {
  const t = useTestApp({ database: 'sqlite' });

  it('uninstalls it from every server that has it, each with an event of its own', async () => {
    await expectUninstalledEverywhere(t);
  });
});
