import { NotFoundError } from '@servertree/ddd';
import { NGINX_ID, SERVER_ID, eachServerCommand } from '@servertree/servers/testing';
import { ApplicationUninstalled } from '../../../domain/events/application-uninstalled.event';
import { UninstallApplicationCommand } from './uninstall-application.command';
import { UninstallApplicationHandler } from './uninstall-application.handler';

describe('Uninstalling an application from a server', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new UninstallApplicationHandler(deps.servers, deps.clock),
    {
      applications: [{ applicationId: NGINX_ID, installDir: '/opt/nginx' }],
    },
  );

  it('uninstalls on request and records why', async () => {
    const { revision } = await handler.execute(
      new UninstallApplicationCommand(SERVER_ID, NGINX_ID, 'requested'),
    );

    expect(revision).toBe(2);
    expect((await fixture.servers.findById(SERVER_ID))!.installedApplications).toEqual([]);
    const [event] = fixture.servers.savedEvents;
    expect(event).toBeInstanceOf(ApplicationUninstalled);
    expect(event.data).toEqual({ applicationId: NGINX_ID, reason: 'requested' });
  });

  it('answers not found when asked to uninstall what is not installed', async () => {
    await handler.execute(new UninstallApplicationCommand(SERVER_ID, NGINX_ID, 'requested'));
    await expect(
      handler.execute(new UninstallApplicationCommand(SERVER_ID, NGINX_ID, 'requested')),
    ).rejects.toThrow(NotFoundError);
  });

  it('follows a discarded application idempotently: a second reaction records nothing', async () => {
    const reaction = new UninstallApplicationCommand(SERVER_ID, NGINX_ID, 'application_discarded');
    await handler.execute(reaction);
    expect(await handler.execute(reaction)).toEqual({ id: SERVER_ID, revision: 2 });
    expect(fixture.servers.savedEvents).toHaveLength(1);
  });
});
