import { RevisionMismatchError } from '@servertree/ddd';
import { SERVER_ID, eachServerCommand, ServerMother } from '@servertree/servers/testing';
import { CredentialRevealed } from '../../../domain/events/credential-revealed.event';
import { RevealCredentialCommand } from './reveal-credential.command';
import { RevealCredentialHandler } from './reveal-credential.handler';

describe('Revealing a password', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new RevealCredentialHandler(deps.servers, deps.vault, deps.clock),
    { credentials: [ServerMother.credential()] },
  );
  let credentialId: string;

  beforeEach(() => {
    [{ id: credentialId }] = fixture.server.credentials;
  });

  it('answers the password and records the reveal, without the password', async () => {
    const { password, revision } = await handler.execute(
      new RevealCredentialCommand(SERVER_ID, credentialId),
    );

    expect(password.plaintext()).toBe('correct horse battery staple');
    expect(revision).toBe(2);
    const [event] = fixture.servers.savedEvents;
    expect(event).toBeInstanceOf(CredentialRevealed);
    expect(event.data).toEqual({ credentialId });
  });

  it('records every reveal, each as a change of its own', async () => {
    await handler.execute(new RevealCredentialCommand(SERVER_ID, credentialId));
    await handler.execute(new RevealCredentialCommand(SERVER_ID, credentialId));
    expect(fixture.servers.savedEvents.map((event) => event.revision)).toEqual([2, 3]);
  });

  it('reveals nothing when conditional on another revision', async () => {
    await expect(
      handler.execute(new RevealCredentialCommand(SERVER_ID, credentialId, 5)),
    ).rejects.toThrow(RevisionMismatchError);
    [{ id: credentialId }] = fixture.server.credentials;
  });
});
