import { NotFoundError } from '@servertree/ddd';
import {
  DISCARDED_ID,
  fixedApplicationCatalogue,
  NGINX_ID,
  UNKNOWN_ID,
} from '../testing/fixed-application-catalogue';
import { ServerMother } from '../testing/server.mother';
import { jsonOf, violationsOf } from '@servertree/ddd/testing';
import { ApplicationInstalled } from './events/application-installed.event';
import { ApplicationUninstalled } from './events/application-uninstalled.event';
import { DiscardedApplicationError } from './installations/discarded-application.error';
import { Server } from './server.aggregate';

const T1 = new Date('2026-01-02T00:00:00Z');

describe("A server's installed applications", () => {
  let server: Server;

  beforeEach(() => {
    server = ServerMother.registered();
  });

  const install = (details: { applicationId: unknown; installDir: unknown; logDir?: unknown }) =>
    server.installApplication(details, fixedApplicationCatalogue, T1);

  it('installs an application and records where', () => {
    expect(install({ applicationId: NGINX_ID, installDir: '/opt/nginx' })).toBe('installed');
    const [event] = server.pullEvents();
    expect(event).toBeInstanceOf(ApplicationInstalled);
    expect(event.revision).toBe(2);
    expect(jsonOf(event.data)).toEqual({
      installation: { applicationId: NGINX_ID, installDir: '/opt/nginx', logDir: null },
    });
  });

  it('records the installation again, with the directories now in force, when it moves', () => {
    install({ applicationId: NGINX_ID, installDir: '/opt/nginx', logDir: '/var/log/nginx' });
    server.pullEvents();
    expect(install({ applicationId: NGINX_ID, installDir: '/srv/nginx' })).toBe('moved');
    expect(jsonOf(server.pullEvents()[0].data)).toEqual({
      installation: { applicationId: NGINX_ID, installDir: '/srv/nginx', logDir: null },
    });
    expect(server.installedApplications).toHaveLength(1);
  });

  it('records nothing when installed again in the same directories', () => {
    install({ applicationId: NGINX_ID, installDir: '/opt/nginx' });
    server.pullEvents();
    expect(install({ applicationId: NGINX_ID.toUpperCase(), installDir: '/opt/nginx' })).toBe(
      'unchanged',
    );
    expect(server.pullEvents()).toEqual([]);
    expect(server.revision).toBe(2);
  });

  it('refuses unknown and discarded applications', () => {
    expect(() => install({ applicationId: UNKNOWN_ID, installDir: '/opt/x' })).toThrow(
      NotFoundError,
    );
    expect(() => install({ applicationId: DISCARDED_ID, installDir: '/opt/x' })).toThrow(
      DiscardedApplicationError,
    );
    expect(server.revision).toBe(1);
  });

  it('refuses relative directories, naming each', () => {
    expect(
      violationsOf(() => install({ applicationId: NGINX_ID, installDir: 'nginx', logDir: 'log' })),
    ).toEqual([
      {
        field: 'installDir',
        message:
          'installDir must be an absolute path such as /opt/app or C:\\Program Files\\App (got "nginx")',
      },
      {
        field: 'logDir',
        message:
          'logDir must be an absolute path such as /opt/app or C:\\Program Files\\App (got "log")',
      },
    ]);
  });

  describe('when one is uninstalled', () => {
    beforeEach(() => {
      install({ applicationId: NGINX_ID, installDir: '/opt/nginx' });
      server.pullEvents();
    });

    it.each(['requested', 'application_discarded'] as const)('records why: %s', (reason) => {
      server.uninstallApplication(NGINX_ID, reason, T1);
      const [event] = server.pullEvents();
      expect(event).toBeInstanceOf(ApplicationUninstalled);
      expect(event).toMatchObject({
        revision: 3,
        data: { applicationId: NGINX_ID, reason },
      });
      expect(server.installedApplications).toEqual([]);
    });

    it('finds nothing to uninstall on request when the application is not installed', () => {
      expect(() => server.uninstallApplication(UNKNOWN_ID, 'requested', T1)).toThrow(NotFoundError);
    });

    it('does nothing when following a discarded application that is not installed', () => {
      server.uninstallApplication(UNKNOWN_ID, 'application_discarded', T1);
      expect(server.pullEvents()).toEqual([]);
      expect(server.revision).toBe(2);
    });
  });
});
