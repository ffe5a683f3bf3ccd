import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, loadForChange } from '@servertree/ddd';
import { PasswordVault } from '../../../domain/credentials/password-vault.port';
import { ServerRepository } from '../../../domain/server.repository.port';
import { acknowledgeServer, ServerAcknowledgement } from '../server-acknowledgement';
import { ModifyCredentialCommand } from './modify-credential.command';

@CommandHandler(ModifyCredentialCommand)
export class ModifyCredentialHandler implements ICommandHandler<ModifyCredentialCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly vault: PasswordVault,
    private readonly clock: Clock,
  ) {}

  async execute(command: ModifyCredentialCommand): Promise<ServerAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    server.modifyCredential(command.credentialId, command.changes, this.vault, this.clock.now());
    await this.servers.save(server);
    return acknowledgeServer(server);
  }
}
