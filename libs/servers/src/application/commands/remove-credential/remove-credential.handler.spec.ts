import { NotFoundError } from '@servertree/ddd';
import {
  SERVER_ID,
  eachServerCommand,
  ServerMother,
  UNKNOWN_ID,
} from '@servertree/servers/testing';
import { CredentialRemoved } from '../../../domain/events/credential-removed.event';
import { RemoveCredentialCommand } from './remove-credential.command';
import { RemoveCredentialHandler } from './remove-credential.handler';

describe('Removing a credential', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new RemoveCredentialHandler(deps.servers, deps.clock),
    { credentials: [ServerMother.credential()] },
  );
  let credentialId: string;

  beforeEach(() => {
    [{ id: credentialId }] = fixture.server.credentials;
  });

  it('removes it from the server and records which one went', async () => {
    const { revision } = await handler.execute(
      new RemoveCredentialCommand(SERVER_ID, credentialId),
    );

    expect(revision).toBe(2);
    expect((await fixture.servers.findById(SERVER_ID))!.credentials).toEqual([]);
    expect(fixture.servers.savedEvents).toEqual([expect.any(CredentialRemoved)]);
    expect(fixture.servers.savedEvents[0].data).toEqual({ credentialId });
  });

  it('answers not found for a credential the server does not have', async () => {
    await expect(
      handler.execute(new RemoveCredentialCommand(SERVER_ID, UNKNOWN_ID)),
    ).rejects.toThrow(NotFoundError);
    [{ id: credentialId }] = fixture.server.credentials;
  });
});
