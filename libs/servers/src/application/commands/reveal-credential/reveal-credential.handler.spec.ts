import { RevisionMismatchError } from '@servertree/ddd';
import { SERVER_ID, eachCredentialCommand } from '@servertree/servers/testing';
import { CredentialRevealed } from '../../../domain/events/credential-revealed.event';
import { RevealCredentialCommand } from './reveal-credential.command';
import { RevealCredentialHandler } from './reveal-credential.handler';

describe('Revealing a password', () => {
  const { fixture, handler, credential } = eachCredentialCommand(
    (deps) => new RevealCredentialHandler(deps.servers, deps.vault, deps.clock),
  );

  it('answers the password and records the reveal, without the password', async () => {
    const { password, revision } = await handler.execute(
      new RevealCredentialCommand(SERVER_ID, credential.id),
    );

    expect(password.plaintext()).toBe('correct horse battery staple');
    expect(revision).toBe(2);
    const [event] = fixture.servers.savedEvents;
    expect(event).toBeInstanceOf(CredentialRevealed);
    expect(event.data).toEqual({ credentialId: credential.id });
  });

  it('records every reveal, each as a change of its own', async () => {
    await handler.execute(new RevealCredentialCommand(SERVER_ID, credential.id));
    await handler.execute(new RevealCredentialCommand(SERVER_ID, credential.id));
    expect(fixture.servers.savedEvents.map((event) => event.revision)).toEqual([2, 3]);
  });

  it('reveals nothing when conditional on another revision', async () => {
    await expect(
      handler.execute(new RevealCredentialCommand(SERVER_ID, credential.id, 5)),
    ).rejects.toThrow(RevisionMismatchError);
  });
});
