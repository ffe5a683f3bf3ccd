import { jsonOf } from '@servertree/ddd/testing';
import { NotFoundError } from '@servertree/ddd';
import { SERVER_ID, eachCredentialCommand, UNKNOWN_ID } from '@servertree/servers/testing';
import { CredentialModified } from '../../../domain/events/credential-modified.event';
import { ModifyCredentialCommand } from './modify-credential.command';
import { ModifyCredentialHandler } from './modify-credential.handler';

describe('Modifying a credential', () => {
  const { fixture, handler, credential } = eachCredentialCommand(
    (deps) => new ModifyCredentialHandler(deps.servers, deps.vault, deps.clock),
  );

  const modify = (changes: object) =>
    handler.execute(new ModifyCredentialCommand(SERVER_ID, credential.id, changes));

  it('records the credential before and after, and that the password was replaced', async () => {
    const { revision } = await modify({ localPort: 2222, password: 'new secret' });

    expect(revision).toBe(2);
    const [credential] = (await fixture.servers.findById(SERVER_ID))!.credentials;
    expect(fixture.vault.reveal(credential.password).plaintext()).toBe('new secret');
    const [event] = fixture.servers.savedEvents;
    expect(event).toBeInstanceOf(CredentialModified);
    expect(jsonOf(event.data)).toMatchObject({
      before: { id: credential.id, localPort: 22 },
      after: { id: credential.id, localPort: 2222 },
      passwordReplaced: true,
    });
  });

  it('records nothing when nothing changes', async () => {
    const { revision } = await modify({ username: 'deploy' });
    expect(revision).toBe(1);
    expect(fixture.servers.savedEvents).toEqual([]);
  });

  it('answers not found for a credential the server does not have', async () => {
    await expect(
      handler.execute(new ModifyCredentialCommand(SERVER_ID, UNKNOWN_ID, { localPort: 1 })),
    ).rejects.toThrow(NotFoundError);
  });
});
