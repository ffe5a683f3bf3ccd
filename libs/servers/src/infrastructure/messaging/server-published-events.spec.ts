import { DomainEvent } from '@servertree/ddd';
import { fixedApplicationCatalogue, NGINX_ID } from '../../testing/fixed-application-catalogue';
import { ReversiblePasswordVault } from '../../testing/reversible-password-vault';
import { REGISTERED_AT, SERVER_ID, ServerMother } from '../../testing/server.mother';
import { Server } from '../../domain/server.aggregate';
import { SERVER_PUBLISHED_EVENTS } from './server-published-events';

const T1 = new Date('2026-01-02T00:00:00Z');
const PASSWORD = 'correct horse battery staple';

/** The routing key and CloudEvent `data` a recorded event is published with. */
function published(server: Server): { type: string; data: object } {
  const [event] = server.pullEvents() as DomainEvent[];
  const contract = SERVER_PUBLISHED_EVENTS.find(
    ({ event: eventClass }) => event instanceof eventClass,
  );
  if (!contract) throw new Error(`${event.constructor.name} has no published contract`);
  return { type: contract.type, data: contract.toData(event) };
}

describe('the server module published events (SPEC §4)', () => {
  const vault = new ReversiblePasswordVault();

  it('publishes a registration as the server the API shows, passwords left out', () => {
    const server = Server.register(
      SERVER_ID,
      ServerMother.registration({
        credentials: [ServerMother.credential()],
        applications: [{ applicationId: NGINX_ID, installDir: '/opt/nginx' }],
      }),
      { vault, catalogue: fixedApplicationCatalogue },
      REGISTERED_AT,
    );

    const { type, data } = published(server);
    const { password: _, ...access } = ServerMother.credential();

    expect(type).toBe('server.server.registered');
    expect(data).toEqual({
      id: SERVER_ID,
      ...ServerMother.registration(),
      tags: [],
      status: 'stopped',
      credentials: [
        {
          id: server.credentials[0].id,
          ...access,
          hasPassword: true,
          publicIp: null,
          publicPort: null,
        },
      ],
      applications: [
        {
          applicationId: NGINX_ID,
          name: 'nginx',
          version: '1.27.3',
          architecture: 'x86_64',
          installDir: '/opt/nginx',
          logDir: null,
        },
      ],
      revision: 1,
      createdAt: REGISTERED_AT.toISOString(),
      updatedAt: REGISTERED_AT.toISOString(),
      discarded: false,
    });
    expect(JSON.stringify(data)).not.toContain(PASSWORD);
  });

  it('publishes a modification as only the fields that changed, the operating system as a whole', () => {
    const server = ServerMother.registered();
    server.modify(ServerMother.modification(), T1);

    expect(published(server)).toEqual({
      type: 'server.server.modified',
      data: {
        changes: {
          cpuCores: { from: 4, to: null },
          ramMb: { from: 8192, to: 16384 },
          operatingSystem: {
            from: { name: 'Ubuntu', version: '24.04', architecture: 'x86_64' },
            to: { name: 'Ubuntu', version: '24.10', architecture: 'x86_64' },
          },
        },
      },
    });
  });

  it('publishes a credential change with a replaced password only as changed', () => {
    const server = ServerMother.registered({}, vault);
    const credentialId = server.addCredential(ServerMother.credential(), vault, T1);
    server.pullEvents();
    server.modifyCredential(
      credentialId,
      { localPort: 2222, publicIp: '2001:db8::1', password: 'new secret' },
      vault,
      T1,
    );

    const { type, data } = published(server);

    expect(type).toBe('server.server.credential_modified');
    expect(data).toEqual({
      credentialId,
      changes: {
        localPort: { from: 22, to: 2222 },
        publicIp: { from: null, to: '2001:db8::1' },
        password: { changed: true },
      },
    });
    expect(JSON.stringify(data)).not.toContain('new secret');
  });

  it('publishes a status change, an installation and an uninstall with their plain values', () => {
    const server = ServerMother.registered();
    server.changeStatus('running', T1);
    expect(published(server)).toEqual({
      type: 'server.server.status_changed',
      data: { from: 'stopped', to: 'running' },
    });

    server.installApplication(
      { applicationId: NGINX_ID, installDir: '/opt/nginx', logDir: '/var/log/nginx' },
      fixedApplicationCatalogue,
      T1,
    );
    expect(published(server)).toEqual({
      type: 'server.server.application_installed',
      data: { applicationId: NGINX_ID, installDir: '/opt/nginx', logDir: '/var/log/nginx' },
    });

    server.uninstallApplication(NGINX_ID, 'application_discarded', T1);
    expect(published(server)).toEqual({
      type: 'server.server.application_uninstalled',
      data: { applicationId: NGINX_ID, reason: 'application_discarded' },
    });
  });
});
