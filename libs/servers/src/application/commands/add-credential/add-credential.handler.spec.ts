import { RevisionMismatchError } from '@servertree/ddd';
import { SERVER_ID, eachServerCommand, ServerMother } from '@servertree/servers/testing';
import { DuplicateCredentialError } from '../../../domain/credentials/duplicate-credential.error';
import { CredentialAdded } from '../../../domain/events/credential-added.event';
import { AddCredentialCommand } from './add-credential.command';
import { AddCredentialHandler } from './add-credential.handler';

describe('Adding a credential to a server', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new AddCredentialHandler(deps.servers, deps.vault, deps.clock),
  );

  const add = (overrides = {}, expectedRevision?: number) =>
    handler.execute(
      new AddCredentialCommand(SERVER_ID, ServerMother.credential(overrides), expectedRevision),
    );

  it('names the new credential and records it, password sealed', async () => {
    const { credentialId, revision } = await add();

    expect(revision).toBe(2);
    const [credential] = (await fixture.servers.findById(SERVER_ID))!.credentials;
    expect(credential.id).toBe(credentialId);
    expect(fixture.vault.reveal(credential.password).plaintext()).toBe(
      'correct horse battery staple',
    );
    const [event] = fixture.servers.savedEvents;
    expect(event).toBeInstanceOf(CredentialAdded);
    expect(JSON.stringify(event.data)).not.toContain('correct horse');
  });

  it('allows one credential per connection type and username', async () => {
    await add();
    await expect(add({ password: 'another one' })).rejects.toThrow(DuplicateCredentialError);
    await expect(add({ username: 'root' })).resolves.toMatchObject({ revision: 3 });
  });

  it('refuses an addition conditional on another revision', async () => {
    await expect(add({}, 5)).rejects.toThrow(RevisionMismatchError);
    expect(fixture.servers.savedEvents).toEqual([]);
  });
});
