import { NotFoundError } from '@servertree/ddd';
import { NGINX_ID, eachServerCommand, ServerMother, UNKNOWN_ID } from '@servertree/servers/testing';
import { ServerRegistered } from '../../../domain/events/server-registered.event';
import { ServerNameTakenError } from '../../../domain/server-name-taken.error';
import { RegisterServerCommand } from './register-server.command';
import { RegisterServerHandler } from './register-server.handler';

describe('Registering a server', () => {
  const { fixture, handler } = eachServerCommand(
    ({ servers, catalogueLoader, vault, clock }) =>
      new RegisterServerHandler(servers, catalogueLoader, vault, clock),
  );

  const register = (overrides = {}) =>
    handler.execute(new RegisterServerCommand(ServerMother.registration(overrides)));

  it('stores the server with its credentials and applications at revision 1, in one event', async () => {
    const { id, revision } = await register({
      name: 'db-01',
      credentials: [ServerMother.credential()],
      applications: [{ applicationId: NGINX_ID, installDir: '/opt/nginx' }],
    });

    expect(revision).toBe(1);
    const stored = await fixture.servers.findById(id);
    expect(stored?.status.value).toBe('stopped');
    expect(stored?.credentials).toHaveLength(1);
    expect(stored?.installedApplications.map((app) => app.applicationId)).toEqual([NGINX_ID]);
    expect(fixture.servers.savedEvents).toEqual([expect.any(ServerRegistered)]);
  });

  it('seals inline passwords before they are stored', async () => {
    const { id } = await register({ name: 'db-02', credentials: [ServerMother.credential()] });
    const [credential] = (await fixture.servers.findById(id))!.credentials;
    expect(credential.password.ciphertext).not.toContain('correct horse');
    expect(fixture.vault.reveal(credential.password).plaintext()).toBe(
      'correct horse battery staple',
    );
  });

  it('registers nothing when an inline application is unknown', async () => {
    await expect(
      register({ name: 'db-03', applications: [{ applicationId: UNKNOWN_ID, installDir: '/x' }] }),
    ).rejects.toThrow(NotFoundError);
    expect(fixture.servers.savedEvents).toEqual([]);
  });

  it('refuses a name a live server has, whatever its case', async () => {
    await expect(register({ name: 'WEB-01' })).rejects.toThrow(ServerNameTakenError);
    expect(fixture.servers.savedEvents).toEqual([]);
  });
});
