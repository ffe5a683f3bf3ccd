import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { ServerRepository } from '../../../domain/server.repository.port';
import { UninstallApplicationCommand } from './uninstall-application.command';

@CommandHandler(UninstallApplicationCommand)
export class UninstallApplicationHandler implements ICommandHandler<UninstallApplicationCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: UninstallApplicationCommand): Promise<CommandAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    server.uninstallApplication(command.applicationId, command.reason, this.clock.now());
    await this.servers.save(server);
    return { id: server.id, revision: server.revision };
  }
}
