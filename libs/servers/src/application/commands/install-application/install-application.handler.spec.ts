import { jsonOf } from '@servertree/ddd/testing';
import { NotFoundError } from '@servertree/ddd';
import {
  DISCARDED_ID,
  NGINX_ID,
  SERVER_ID,
  eachServerCommand,
  UNKNOWN_ID,
} from '@servertree/servers/testing';
import { ApplicationInstalled } from '../../../domain/events/application-installed.event';
import { DiscardedApplicationError } from '../../../domain/installations/discarded-application.error';
import { InstallApplicationCommand } from './install-application.command';
import { InstallApplicationHandler } from './install-application.handler';

describe('Installing an application on a server', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new InstallApplicationHandler(deps.servers, deps.catalogueLoader, deps.clock),
  );

  const install = (applicationId: string, installDir = '/opt/app') =>
    handler.execute(new InstallApplicationCommand(SERVER_ID, { applicationId, installDir }));

  it('installs a catalogued application and records where', async () => {
    const acknowledgement = await install(NGINX_ID);
    expect(acknowledgement).toMatchObject({ id: SERVER_ID, revision: 2, outcome: 'installed' });
    // The label the command looked up to install, for its answer.
    expect(acknowledgement.labels.get(NGINX_ID)).toMatchObject({ name: 'nginx' });
    const [event] = fixture.servers.savedEvents;
    expect(event).toBeInstanceOf(ApplicationInstalled);
    expect(jsonOf(event.data)).toEqual({
      installation: { applicationId: NGINX_ID, installDir: '/opt/app', logDir: null },
    });
  });

  it('moves an installed application to other directories, recorded as installed again', async () => {
    await install(NGINX_ID);
    expect(await install(NGINX_ID, '/srv/nginx')).toMatchObject({ revision: 3, outcome: 'moved' });
    expect(jsonOf(fixture.servers.savedEvents[1].data)).toMatchObject({
      installation: { installDir: '/srv/nginx' },
    });
  });

  it('records nothing when installed there already', async () => {
    await install(NGINX_ID);
    expect(await install(NGINX_ID)).toMatchObject({ revision: 2, outcome: 'unchanged' });
    expect(fixture.servers.savedEvents).toHaveLength(1);
  });

  it('refuses applications the catalogue does not know or has discarded', async () => {
    await expect(install(UNKNOWN_ID)).rejects.toThrow(NotFoundError);
    await expect(install(DISCARDED_ID)).rejects.toThrow(DiscardedApplicationError);
    expect(fixture.servers.savedEvents).toEqual([]);
  });
});
