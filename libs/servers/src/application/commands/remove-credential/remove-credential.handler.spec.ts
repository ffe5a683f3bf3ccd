import { NotFoundError } from '@servertree/ddd';
import { SERVER_ID, eachCredentialCommand, UNKNOWN_ID } from '@servertree/servers/testing';
import { CredentialRemoved } from '../../../domain/events/credential-removed.event';
import { RemoveCredentialCommand } from './remove-credential.command';
import { RemoveCredentialHandler } from './remove-credential.handler';

describe('Removing a credential', () => {
  const { fixture, handler, credential } = eachCredentialCommand(
    (deps) => new RemoveCredentialHandler(deps.servers, deps.clock),
  );

  it('removes it from the server and records which one went', async () => {
    const { revision } = await handler.execute(
      new RemoveCredentialCommand(SERVER_ID, credential.id),
    );

    expect(revision).toBe(2);
    expect((await fixture.servers.findById(SERVER_ID))!.credentials).toEqual([]);
    expect(fixture.servers.savedEvents).toEqual([expect.any(CredentialRemoved)]);
    expect(fixture.servers.savedEvents[0].data).toEqual({ credentialId: credential.id });
  });

  it('answers not found for a credential the server does not have', async () => {
    await expect(
      handler.execute(new RemoveCredentialCommand(SERVER_ID, UNKNOWN_ID)),
    ).rejects.toThrow(NotFoundError);
  });
});
