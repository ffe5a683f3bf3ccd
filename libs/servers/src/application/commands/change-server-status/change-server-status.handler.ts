import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { ServerRepository } from '../../../domain/server.repository.port';
import { ChangeServerStatusCommand } from './change-server-status.command';

@CommandHandler(ChangeServerStatusCommand)
export class ChangeServerStatusHandler implements ICommandHandler<ChangeServerStatusCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangeServerStatusCommand): Promise<CommandAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    server.changeStatus(command.status, this.clock.now());
    await this.servers.save(server);
    return { id: server.id, revision: server.revision };
  }
}
