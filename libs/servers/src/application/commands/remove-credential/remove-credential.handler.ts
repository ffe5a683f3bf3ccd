import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { ServerRepository } from '../../../domain/server.repository.port';
import { RemoveCredentialCommand } from './remove-credential.command';

@CommandHandler(RemoveCredentialCommand)
export class RemoveCredentialHandler implements ICommandHandler<RemoveCredentialCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RemoveCredentialCommand): Promise<CommandAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    server.removeCredential(command.credentialId, this.clock.now());
    await this.servers.save(server);
    return { id: server.id, revision: server.revision };
  }
}
