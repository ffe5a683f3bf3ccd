import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, loadForChange } from '@servertree/ddd';
import { PasswordVault } from '../../../domain/credentials/password-vault.port';
import { ServerRepository } from '../../../domain/server.repository.port';
import { acknowledgeServer } from '../server-acknowledgement';
import { AddCredentialCommand, CredentialAcknowledgement } from './add-credential.command';

@CommandHandler(AddCredentialCommand)
export class AddCredentialHandler implements ICommandHandler<AddCredentialCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly vault: PasswordVault,
    private readonly clock: Clock,
  ) {}

  async execute(command: AddCredentialCommand): Promise<CredentialAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    const credentialId = server.addCredential(command.details, this.vault, this.clock.now());
    await this.servers.save(server);
    return { ...acknowledgeServer(server), credentialId };
  }
}
