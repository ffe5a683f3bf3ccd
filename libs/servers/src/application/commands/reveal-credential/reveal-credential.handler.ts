import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, loadForChange } from '@servertree/ddd';
import { PasswordVault } from '../../../domain/credentials/password-vault.port';
import { ServerRepository } from '../../../domain/server.repository.port';
import { RevealCredentialCommand, RevealedPassword } from './reveal-credential.command';

/**
 * The password is answered only once the record of the reveal is stored: the command's
 * transaction commits before the answer leaves, so there is no reveal without its audit event.
 */
@CommandHandler(RevealCredentialCommand)
export class RevealCredentialHandler implements ICommandHandler<RevealCredentialCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly vault: PasswordVault,
    private readonly clock: Clock,
  ) {}

  async execute(command: RevealCredentialCommand): Promise<RevealedPassword> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    const password = server.revealCredential(command.credentialId, this.vault, this.clock.now());
    await this.servers.save(server);
    return { id: server.id, revision: server.revision, password };
  }
}
